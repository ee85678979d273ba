package fr.contact.eds.episodes.indicators;

import fr.contact.eds.episodes.episodes.Episode;
import fr.contact.eds.episodes.episodes.EpisodeQueries;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * The syndrome groups of the surveillance feed, as code sets in a versioned file
 * ({@code indicators/syndromes-v<N>.properties}): ICPC-2 codes, ICD-10 code prefixes, and optionally the age bands
 * the group is limited to. A new definition is a new version, so that series stay comparable.
 */
public final class SyndromeGroups {

    static final String ICD10 = "http://hl7.org/fhir/sid/icd-10";

    public record Group(String name, String label, Set<String> icpc2, List<String> icd10Prefixes,
            Set<String> ageBands) {

        boolean matches(List<Episode.CodeView> diagnoses, String ageBand) {
            if (!ageBands.isEmpty() && !ageBands.contains(ageBand)) {
                return false;
            }
            return diagnoses.stream().anyMatch(code -> EpisodeQueries.ICPC2.equals(code.system())
                    && icpc2.contains(code.code())
                    || ICD10.equals(code.system()) && icd10Prefixes.stream().anyMatch(code.code()::startsWith));
        }
    }

    private final int version;
    private final List<Group> groups;

    private SyndromeGroups(int version, List<Group> groups) {
        this.version = version;
        this.groups = List.copyOf(groups);
    }

    public static SyndromeGroups load(int version) {
        String resource = "/indicators/syndromes-v" + version + ".properties";
        try (InputStream in = SyndromeGroups.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No syndrome definitions version " + version);
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Group> groups = new ArrayList<>();
            for (String name : list(p.getProperty("groups"))) {
                groups.add(new Group(name, p.getProperty(name + ".label", name),
                        Set.copyOf(list(p.getProperty(name + ".icpc2"))), list(p.getProperty(name + ".icd10")),
                        Set.copyOf(list(p.getProperty(name + ".ageBands")))));
            }
            return new SyndromeGroups(Integer.parseInt(p.getProperty("version")), groups);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + resource, e);
        }
    }

    private static List<String> list(String value) {
        return value == null || value.isBlank() ? List.of()
                : Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public int version() {
        return version;
    }

    public List<Group> groups() {
        return groups;
    }

    /** The groups an episode belongs to (several, or none). */
    public List<String> of(Episode episode) {
        return groups.stream().filter(g -> g.matches(episode.diagnoses(), episode.ageBand())).map(Group::name)
                .toList();
    }
}
