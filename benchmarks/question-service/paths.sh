#!/usr/bin/env bash
# Writes the request mixes: list.paths (filters on 1-3 taxonomy fields, a sort, pages 0-4), search.paths
# (20,000 web-search texts of 1-3 catalog words, one word in seven misspelt (two inner letters swapped), some
# with a filter: over 90% of the texts are distinct), suggest.paths (what is typed so far: a word and the
# start of the next) and, when an id file is given, byid.paths. Deterministic (awk srand).
set -euo pipefail
words_file="$1"; out="$2"; ids_file="${3:-}"
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
awk -v seed=11 'length($1) >= 3 { w[++n] = $1 } END {
  srand(seed);
  split("METRIC_DESIGN SQL BEHAVIORAL LEADERSHIP", cat, " ");
  for (i = 0; i < 20000; i++) {
    k = rand() < 0.1 ? 1 : (rand() < 0.67 ? 2 : 3);
    q = "";
    for (j = 0; j < k; j++) {
      x = w[1 + int(rand() * n)];
      if (length(x) >= 5 && rand() < 1 / 7) x = substr(x, 1, 1) substr(x, 3, 1) substr(x, 2, 1) substr(x, 4);
      q = q (j ? "+" : "") x;
    }
    p = "/api/questions?size=20&q=" q;
    if (rand() < 0.3) p = p "&category=" cat[1 + int(rand() * 4)];
    print p > "'"$out"'/search.paths";
    x = w[1 + int(rand() * n)];
    y = w[1 + int(rand() * n)];
    s = rand() < 0.5 ? substr(x, 1, 1 + int(rand() * length(x))) : x "+" substr(y, 1, 1 + int(rand() * length(y)));
    print "/api/questions/suggest?q=" s > "'"$out"'/suggest.paths";
  }
}' "$words_file"
if [ -n "$ids_file" ]; then sed 's|^|/api/questions/|' "$ids_file" > "$out/byid.paths"; fi
