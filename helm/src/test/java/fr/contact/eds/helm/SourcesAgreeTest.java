package fr.contact.eds.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The services, their ports, which of them gets which secret, and the roles a token may carry are written in the
 * local launcher ({@code ./contact}), the chart and the services' own configuration: this test fails as soon as one
 * of them says something the others do not.
 */
class SourcesAgreeTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern ROLE_CASE = Pattern.compile("^\\s+([a-z|-]+)\\) ;;$", Pattern.MULTILINE);

    private static String launcher() throws IOException {
        return Files.readString(ROOT.resolve("contact"));
    }

    private static List<String> launcherServices() throws IOException {
        Matcher m = Pattern.compile("^SERVICES=\\(([^)]*)\\)", Pattern.MULTILINE).matcher(launcher());
        assertThat(m.find()).as("SERVICES=(...) in ./contact").isTrue();
        return Arrays.asList(m.group(1).trim().split("\\s+"));
    }

    private static JsonNode chartServices() throws IOException {
        return new YAMLMapper().readTree(ChartTest.CHART.resolve("values.yaml").toFile()).get("services");
    }

    private static String properties(String service) throws IOException {
        return Files.readString(ROOT.resolve("services/" + service + "/src/main/resources/application.properties"));
    }

    @Test
    void startsLocallyTheServicesTheChartDeploysOnTheSamePorts() throws IOException {
        Map<String, Integer> launcherPorts = new LinkedHashMap<>();
        Matcher ports = Pattern.compile("\\[(\\w+)]=(\\d+)").matcher(launcher().lines()
                .filter(l -> l.startsWith("declare -A DEFAULT_PORT=")).findFirst().orElseThrow());
        while (ports.find()) {
            launcherPorts.put(ports.group(1), Integer.parseInt(ports.group(2)));
        }
        Map<String, Integer> chartPorts = new LinkedHashMap<>();
        chartServices().fields().forEachRemaining(s -> chartPorts.put(s.getKey(), s.getValue().get("port").asInt()));

        assertThat(launcherServices()).containsExactlyInAnyOrderElementsOf(chartPorts.keySet());
        assertThat(launcherPorts).as("./contact DEFAULT_PORT and the chart").isEqualTo(chartPorts);
        for (var service : chartPorts.entrySet()) {
            assertThat(properties(service.getKey())).as("the service's own default port")
                    .contains("quarkus.http.port=${CONTACT_" + service.getKey().toUpperCase() + "_PORT:"
                            + service.getValue() + "}");
        }
    }

    @Test
    void givesEachSecretToTheServicesThatReadItLocallyAndInTheChart() throws IOException {
        for (String secret : List.of("CONTACT_PSEUDONYMISATION_KEYS", "CONTACT_AUDIT_SIGNING_KEY")) {
            Set<String> reading = new TreeSet<>();
            for (String service : launcherServices()) {
                if (properties(service).contains("${" + secret + ":")) {
                    reading.add(service);
                }
            }
            assertThat(reading).as("services reading %s", secret).isNotEmpty();
            assertThat(launcherGiving(secret)).as("./contact gives %s to", secret).isEqualTo(reading);
            assertThat(chartGiving(secret)).as("the chart gives %s to", secret).isEqualTo(reading);
        }
    }

    /** The services named by the {@code if} that guards the line where ./contact hands the secret over. */
    private static Set<String> launcherGiving(String secret) throws IOException {
        List<String> lines = launcher().lines().toList();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).contains("(\"" + secret + "=")) {
                Matcher named = Pattern.compile("\"\\$s\" = (\\w+)").matcher(lines.get(i - 1));
                Set<String> services = new TreeSet<>();
                while (named.find()) {
                    services.add(named.group(1));
                }
                return services;
            }
        }
        throw new AssertionError("./contact never hands over " + secret);
    }

    private static Set<String> chartGiving(String secret) throws IOException {
        Set<String> services = new TreeSet<>();
        for (Deployment deployment : ChartTest.ofKind(ChartTest.objects(ChartTest.render("")), Deployment.class)) {
            List<EnvVar> env = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
            if (env.stream().anyMatch(e -> e.getName().equals(secret))) {
                services.add(deployment.getMetadata().getLabels().get("app.kubernetes.io/component"));
            }
        }
        return services;
    }

    @Test
    void acceptsLocallyExactlyTheRolesATokenMayCarry() throws IOException {
        String launcher = launcher();
        String tokenCommand = launcher.substring(launcher.indexOf("case \"$role\" in"));
        Matcher accepted = ROLE_CASE.matcher(tokenCommand);
        assertThat(accepted.find()).as("the role check of ./contact token").isTrue();
        Set<String> roles = new TreeSet<>();
        Matcher constant = Pattern.compile("public static final String \\w+ = \"([a-z-]+)\";").matcher(Files.readString(
                ROOT.resolve("libs/platform/src/main/java/fr/contact/eds/platform/security/Roles.java")));
        while (constant.find()) {
            roles.add(constant.group(1));
        }

        assertThat(new TreeSet<>(Arrays.asList(accepted.group(1).split("\\|")))).isEqualTo(roles);
        assertThat(tokenCommand.lines().filter(l -> l.contains("--role must be one of")).findFirst().orElseThrow())
                .contains(String.join(", ", accepted.group(1).split("\\|")));
    }
}
