package fr.contact.eds.ingestion.fhir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A bundle turned into episodes, or the issues that reject it (then nothing of it may be stored). {@code entryNotes}
 * says why each entry not used was left out (null for a used entry).
 */
public record MappedBundle(String bundleType, List<MappedEpisode> episodes, List<Boolean> entryUsed,
        List<String> entryNotes, List<IntakeIssue> issues) {

    public MappedBundle {
        episodes = List.copyOf(episodes);
        entryUsed = List.copyOf(entryUsed);
        entryNotes = Collections.unmodifiableList(new ArrayList<>(entryNotes));
        issues = List.copyOf(issues);
    }

    public int resourcesUsed() {
        return (int) entryUsed.stream().filter(Boolean::booleanValue).count();
    }

    public int resourcesIgnored() {
        return entryUsed.size() - resourcesUsed();
    }

    public boolean rejected() {
        return !issues.isEmpty();
    }
}
