package dev.debrief.question.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.debrief.kit.input.ControlCharacterException;
import dev.debrief.kit.input.TextInput;
import dev.debrief.kit.problem.Problem;
import dev.debrief.kit.problem.ProblemException;
import dev.debrief.question.catalog.QuestionBank;
import dev.debrief.question.catalog.QuestionInput;
import dev.debrief.question.catalog.domain.Question;
import dev.debrief.question.catalog.domain.QuestionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Bulk import: parse and check every row first, then apply the good ones (or, all-or-nothing, all or none). */
@ApplicationScoped
public class Importer {

    static final int MAX_ROWS = 5000;

    private record Parsed(int row, String slug, QuestionInput input, List<Problem.FieldError> errors) {
    }

    private final ObjectMapper mapper;
    private final Validator validator;
    private final QuestionBank bank;

    public Importer(ObjectMapper mapper, Validator validator, QuestionBank bank) {
        this.mapper = mapper;
        this.validator = validator;
        this.bank = bank;
    }

    @Transactional
    public ImportReport run(String tenant, String who, String format, boolean atomic, String body) {
        List<Parsed> rows = "csv".equals(format) ? csv(body) : jsonLines(body);
        if (rows.size() > MAX_ROWS) {
            throw ProblemException.tooLarge("at most " + MAX_ROWS + " rows per import");
        }
        List<Parsed> checked = rows.stream().map(p -> check(p, tenant)).toList();
        checked = duplicates(checked);
        boolean anyFailed = checked.stream().anyMatch(p -> !p.errors().isEmpty());
        String mode = atomic ? "all-or-nothing" : "partial";
        List<ImportReport.Row> report = new ArrayList<>();
        int created = 0;
        int revised = 0;
        int unchanged = 0;
        int failed = 0;
        boolean apply = !(atomic && anyFailed);
        for (Parsed p : checked) {
            if (!p.errors().isEmpty()) {
                failed++;
                report.add(new ImportReport.Row(p.row(), p.slug(), "FAILED", p.errors()));
            } else if (!apply) {
                report.add(new ImportReport.Row(p.row(), p.slug(), "NOT_APPLIED", List.of()));
            } else {
                QuestionBank.Outcome outcome = bank.upsert(tenant, p.input().slug(), p.input().status(),
                        p.input().content(), who);
                switch (outcome) {
                    case CREATED -> created++;
                    case REVISED -> revised++;
                    case UNCHANGED -> unchanged++;
                }
                report.add(new ImportReport.Row(p.row(), p.slug(), outcome.name(), List.of()));
            }
        }
        return new ImportReport(format, mode, apply, checked.size(), created, revised, unchanged, failed, report);
    }

    private Parsed check(Parsed p, String tenant) {
        if (!p.errors().isEmpty()) {
            return p;
        }
        List<Problem.FieldError> errors = validator.validate(p.input()).stream()
                .map(v -> new Problem.FieldError(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field)).collect(Collectors.toCollection(ArrayList::new));
        if (errors.isEmpty() && p.input().status() != null) {
            Optional<Question> existing = Question.inScope(tenant, p.input().slug());
            QuestionStatus now = existing.map(q -> q.status).orElse(null);
            QuestionStatus wanted = p.input().status();
            if (now != null && now != wanted && (wanted == QuestionStatus.DRAFT
                    || wanted == QuestionStatus.RETIRED && now == QuestionStatus.DRAFT)) {
                errors.add(new Problem.FieldError("status", "cannot move from " + now + " to " + wanted));
            }
        }
        return new Parsed(p.row(), p.slug(), p.input(), errors);
    }

    private static List<Parsed> duplicates(List<Parsed> rows) {
        Set<String> seen = new HashSet<>();
        List<Parsed> out = new ArrayList<>();
        for (Parsed p : rows) {
            if (p.errors().isEmpty() && !seen.add(p.slug())) {
                out.add(new Parsed(p.row(), p.slug(), p.input(),
                        List.of(new Problem.FieldError("slug", "appears in an earlier row"))));
            } else {
                out.add(p);
            }
        }
        return out;
    }

    private List<Parsed> jsonLines(String body) {
        List<Parsed> rows = new ArrayList<>();
        String[] lines = body.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                QuestionInput input = mapper.readValue(lines[i], QuestionInput.class);
                if (input == null) {
                    // the literal null parses, to nothing
                    rows.add(failed(i + 1, "row", "must be a JSON object"));
                    continue;
                }
                rows.add(new Parsed(i + 1, input.slug(), input, List.of()));
            } catch (ControlCharacterException e) {
                rows.add(failed(i + 1, path(e), e.getOriginalMessage()));
            } catch (JsonMappingException e) {
                rows.add(failed(i + 1, path(e), "is missing, has the wrong type or an invalid value"));
            } catch (JsonProcessingException e) {
                rows.add(failed(i + 1, "row", "is not valid JSON"));
            }
        }
        return rows;
    }

    private List<Parsed> csv(String body) {
        List<List<String>> records;
        try {
            records = Csv.parse(body);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("body", "is not valid CSV: " + e.getMessage());
        }
        if (records.isEmpty() || !records.get(0).containsAll(List.of("slug", "title", "prompt"))) {
            throw ProblemException.badRequest("body", "the first CSV row must be the header: "
                    + String.join(",", QuestionCsv.HEADER));
        }
        List<String> header = records.get(0);
        List<Parsed> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> record = records.get(i);
            Map<String, String> cells = new HashMap<>();
            String refused = null;
            for (int c = 0; c < header.size() && c < record.size(); c++) {
                String cell = Csv.restore(record.get(c));
                var at = TextInput.firstControlCharacter(cell);
                if (at.isPresent() && refused == null) {
                    refused = header.get(c);
                    rows.add(failed(i, header.get(c), TextInput.message(cell, at.getAsInt())));
                }
                cells.put(header.get(c), cell);
            }
            if (refused != null) {
                continue;
            }
            try {
                QuestionInput input = QuestionCsv.read(cells, mapper);
                rows.add(new Parsed(i, input.slug(), input, List.of()));
            } catch (QuestionCsv.CellException e) {
                rows.add(failed(i, e.field, e.getMessage()));
            }
        }
        return rows;
    }

    private static Parsed failed(int row, String field, String message) {
        return new Parsed(row, null, null, List.of(new Problem.FieldError(field, message)));
    }

    private static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return path.isEmpty() ? "row" : path;
    }
}
