package fr.contact.eds.auditverifier;

import java.util.ArrayList;
import java.util.List;

/** What a verification established, line by line: checks passed and failures, each naming what failed. */
public final class Findings {

    private final List<String> passed = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    void pass(String check) {
        passed.add(check);
    }

    void fail(String failure) {
        failures.add(failure);
    }

    public boolean ok() {
        return failures.isEmpty();
    }

    public List<String> passed() {
        return List.copyOf(passed);
    }

    public List<String> failures() {
        return List.copyOf(failures);
    }

    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        passed.forEach(p -> lines.add("OK    " + p));
        failures.forEach(f -> lines.add("FAIL  " + f));
        return lines;
    }
}
