package fr.contact.eds.ingestion.fhir;

import java.util.List;

/** A bundle turned into episodes, or the issues that reject it (then nothing of it may be stored). */
public record MappedBundle(String bundleType, List<MappedEpisode> episodes, List<Boolean> entryUsed,
        List<IntakeIssue> issues) {

    public MappedBundle {
        episodes = List.copyOf(episodes);
        entryUsed = List.copyOf(entryUsed);
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
