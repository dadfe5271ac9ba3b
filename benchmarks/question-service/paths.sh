#!/usr/bin/env bash
# Writes the request mixes: list.paths (filters on 1-3 taxonomy fields, a sort, pages 0-4) and search.paths
# (web-search queries of one or two vocabulary words, some with a filter). Deterministic (awk srand).
set -euo pipefail
words_file="$1"; out="$2"
awk -v seed=7 'BEGIN {
  srand(seed);
  split("METRIC_DESIGN EXPERIMENT_EVALUATION DATA_PRODUCT_SCOPING SQL SYSTEM_DESIGN BEHAVIORAL LEADERSHIP CULTURE_FIT PRODUCT_STRATEGY TECHNICAL_DEPTH", cat, " ");
  split("DATA_PM ENGINEERING_MANAGER PRODUCT_MANAGER DATA_SCIENTIST SOFTWARE_ENGINEER", role, " ");
  split("EASY MEDIUM HARD", dif, " ");
  split("MID SENIOR STAFF PRINCIPAL MANAGER SENIOR_MANAGER DIRECTOR", lvl, " ");
  split("Netflix Meta Google Amazon Spotify", comp, " ");
  split("RECRUITER_SCREEN HIRING_MANAGER DATA_CASE EXECUTIVE_ALIGNMENT MANAGER_SCREEN TECHNICAL_SCREEN ONSITE", rt, " ");
  split("title -updatedAt difficulty -title", sort, " ");
  for (n = 0; n < 5000; n++) {
    p = "/api/questions?size=20&page=" int(rand() * 5) "&sort=" sort[1 + int(rand() * 4)];
    p = p "&category=" cat[1 + int(rand() * 10)];
    if (rand() < 0.6) p = p "&role=" role[1 + int(rand() * 5)];
    if (rand() < 0.4) p = p "&difficulty=" dif[1 + int(rand() * 3)];
    if (rand() < 0.2) p = p "&level=" lvl[1 + int(rand() * 7)];
    if (rand() < 0.2) p = p "&company=" comp[1 + int(rand() * 5)];
    if (rand() < 0.2) p = p "&roundType=" rt[1 + int(rand() * 7)];
    print p > "'"$out"'/list.paths";
  }
}'
awk -v seed=11 'NR <= 300 { w[NR] = $1 } END {
  srand(seed);
  split("METRIC_DESIGN SQL BEHAVIORAL LEADERSHIP", cat, " ");
  for (n = 0; n < 5000; n++) {
    q = w[1 + int(rand() * 300)];
    if (rand() < 0.5) q = q "+" w[1 + int(rand() * 300)];
    p = "/api/questions?size=20&q=" q;
    if (rand() < 0.3) p = p "&category=" cat[1 + int(rand() * 4)];
    print p > "'"$out"'/search.paths";
  }
}' "$words_file"
