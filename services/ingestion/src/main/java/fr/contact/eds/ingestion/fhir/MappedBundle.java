package fr.contact.eds.ingestion.fhir;

import java.util.List;

/** A bundle turned into episodes, or the issues that reject it (then nothing of it may be stored). */
public record MappedBundle(String bundleType, List<MappedEpisode> episodes, int resourcesUsed, int resourcesIgnored,
        List<IntakeIssue> issues) {

    public MappedBundle {
        episodes = List.copyOf(episodes);
        issues = List.copyOf(issues);
    }

    public boolean rejected() {
        return !issues.isEmpty();
    }
}
