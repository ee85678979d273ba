package fr.contact.eds.portal.register;

import fr.contact.eds.portal.catalog.RegisterEntry;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The register as searched: the matching projects (latest decision first) and the choices the filters offer, taken
 * from the whole register so a filter never offers a value that matches nothing.
 */
public record RegisterSearch(RegisterQuery query, List<RegisterEntry> results, List<String> states,
        List<Integer> years, List<String> themes) {

    public static RegisterSearch of(List<RegisterEntry> register, RegisterQuery query) {
        List<RegisterEntry> results = register.stream().filter(p -> matches(p, query))
                .sorted(Comparator.comparing(RegisterEntry::decidedAt, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(RegisterEntry::title, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        List<String> states = register.stream().map(RegisterEntry::state).filter(Objects::nonNull).distinct()
                .sorted().toList();
        List<Integer> years = register.stream().map(RegisterEntry::decisionYear).filter(Objects::nonNull).distinct()
                .sorted(Comparator.reverseOrder()).toList();
        List<String> themes = register.stream().flatMap(p -> p.datasets().stream()).filter(Objects::nonNull)
                .distinct().sorted().toList();
        return new RegisterSearch(query, results, states, years, themes);
    }

    private static boolean matches(RegisterEntry p, RegisterQuery q) {
        return (q.status() == null || q.status().equals(p.state()))
                && (q.year() == null || q.year().equals(p.decisionYear()))
                && (q.theme() == null || p.datasets().contains(q.theme()))
                && (q.text() == null || containsWords(p, q.text()));
    }

    /** Every word must appear in the title, organisation or purpose, ignoring case and accents. */
    private static boolean containsWords(RegisterEntry p, String text) {
        String haystack = folded(Stream.of(p.title(), p.organisation(), p.purpose()).filter(Objects::nonNull)
                .reduce("", (a, b) -> a + " " + b));
        return Stream.of(folded(text).split("\\s+")).allMatch(haystack::contains);
    }

    private static String folded(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
