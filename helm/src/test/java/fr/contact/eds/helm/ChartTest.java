package fr.contact.eds.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The chart, verified without a cluster: lint, render with each set of values, read every document with the
 * Kubernetes model (unknown fields and wrong types fail), then the invariants a hardened deployment of CONTACT
 * must keep, and the agreement of the configuration keys the chart sets with those the services read.
 */
class ChartTest {

    static final Path CHART = Path.of("contact");
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of("Deployment", Deployment.class,
            "Service", Service.class, "ConfigMap", ConfigMap.class, "ServiceAccount", ServiceAccount.class,
            "PodDisruptionBudget", PodDisruptionBudget.class, "HorizontalPodAutoscaler",
            HorizontalPodAutoscaler.class, "NetworkPolicy", NetworkPolicy.class, "Ingress", Ingress.class, "Pod",
            Pod.class);
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    static {
        STRICT.coercionConfigDefaults().setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        STRICT.coercionConfigDefaults().setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    }

    static Stream<String> valuesFiles() {
        return Stream.of("", "ci/minimal-values.yaml", "ci/ha-values.yaml", "ci/external-mongodb-values.yaml",
                "ci/ingress-values.yaml");
    }

    static String render(String valuesFile) {
        var template = new Helm(CHART).template().withName("contact").withNamespace("contact");
        if (!valuesFile.isEmpty()) {
            template = template.withValuesFile(CHART.resolve(valuesFile));
        }
        return template.call();
    }

    static List<HasMetadata> objects(String rendered) throws IOException {
        List<HasMetadata> objects = new ArrayList<>();
        try (var docs = new YAMLMapper().readerFor(JsonNode.class).<JsonNode>readValues(new StringReader(rendered))) {
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc == null || doc.isNull() || doc.isEmpty()) {
                    continue;
                }
                String kind = doc.path("kind").asText();
                if (kind.equals("ServiceMonitor")) {
                    continue; // a CRD: no model here
                }
                Class<? extends HasMetadata> type = KINDS.get(kind);
                assertThat(type).as("a kind this chart is expected to render: " + kind).isNotNull();
                HasMetadata object = STRICT.treeToValue(doc, type);
                assertNoUnknownFields(object, kind + "/" + object.getMetadata().getName());
                objects.add(object);
            }
        }
        return objects;
    }

    /** The model keeps what it does not know in additionalProperties: any there is a field Kubernetes rejects. */
    static void assertNoUnknownFields(Object value, String path) {
        if (value == null || !value.getClass().getName().startsWith("io.fabric8")) {
            if (value instanceof Collection<?> items) {
                int i = 0;
                for (Object item : items) {
                    assertNoUnknownFields(item, path + "[" + i++ + "]");
                }
            } else if (value instanceof Map<?, ?> map && !path.endsWith("additionalProperties")) {
                map.forEach((k, v) -> assertNoUnknownFields(v, path + "." + k));
            }
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            try {
                Object field = getter.invoke(value);
                if (getter.getName().equals("getAdditionalProperties")) {
                    assertThat((Map<?, ?>) field).as("unknown fields at " + path).isNullOrEmpty();
                } else if (!(value instanceof io.fabric8.kubernetes.api.model.Quantity)
                        && !(value instanceof io.fabric8.kubernetes.api.model.IntOrString)) {
                    assertNoUnknownFields(field, path + "." + getter.getName().substring(3));
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static <T> List<T> ofKind(List<HasMetadata> objects, Class<T> kind) {
        return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    @Test
    void lintsStrictly() {
        LintResult lint = new Helm(CHART).lint().strict().call();
        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    }

    @ParameterizedTest
    @MethodSource("valuesFiles")
    void rendersOnlyValidKubernetesObjects(String values) throws IOException {
        List<HasMetadata> objects = objects(render(values));
        assertThat(ofKind(objects, Deployment.class)).isNotEmpty();
        assertThat(objects).noneMatch(o -> o.getKind().equals("Secret"));
    }

    @ParameterizedTest
    @MethodSource("valuesFiles")
    void hardensEveryServiceContainer(String values) throws IOException {
        for (Deployment deployment : ofKind(objects(render(values)), Deployment.class)) {
            var pod = deployment.getSpec().getTemplate().getSpec();
            String name = deployment.getMetadata().getName();
            assertThat(pod.getAutomountServiceAccountToken()).as(name).isFalse();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(name).isTrue();
            assertThat(pod.getSecurityContext().getSeccompProfile().getType()).as(name).isEqualTo("RuntimeDefault");
            assertThat(pod.getVolumes()).as(name).anyMatch(v -> v.getEmptyDir() != null);
            for (Container c : pod.getContainers()) {
                assertThat(c.getStartupProbe()).as(name).isNotNull();
                assertThat(c.getLivenessProbe().getHttpGet().getPath()).as(name).isEqualTo("/q/health/live");
                assertThat(c.getReadinessProbe().getHttpGet().getPath()).as(name).isEqualTo("/q/health/ready");
                for (var probe : List.of(c.getStartupProbe(), c.getLivenessProbe(), c.getReadinessProbe())) {
                    assertThat(probe.getHttpGet().getPort().getStrVal()).as(name).isEqualTo("management");
                }
                assertThat(c.getResources().getLimits()).as(name).containsKeys("cpu", "memory");
                assertThat(c.getResources().getRequests()).as(name).containsKeys("cpu", "memory");
                var security = c.getSecurityContext();
                assertThat(security.getAllowPrivilegeEscalation()).as(name).isFalse();
                assertThat(security.getReadOnlyRootFilesystem()).as(name).isTrue();
                assertThat(security.getCapabilities().getDrop()).as(name).containsExactly("ALL");
                assertThat(c.getVolumeMounts()).as(name).anyMatch(m -> m.getMountPath().equals("/tmp"));
                for (EnvVar env : c.getEnv()) {
                    if (env.getName().matches(".*(KEY|KEYS|URI)$")) {
                        assertThat(env.getValue()).as(name + " " + env.getName() + " comes from a Secret").isNull();
                        assertThat(env.getValueFrom().getSecretKeyRef()).as(name + " " + env.getName()).isNotNull();
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("valuesFiles")
    void selectsEachDeploymentWithExactlyOneServiceAndOnePdb(String values) throws IOException {
        List<HasMetadata> objects = objects(render(values));
        for (Deployment deployment : ofKind(objects, Deployment.class)) {
            Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(labels).containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
            assertThat(ofKind(objects, Service.class))
                    .filteredOn(s -> labels.entrySet().containsAll(s.getSpec().getSelector().entrySet()))
                    .as(deployment.getMetadata().getName()).hasSize(1);
            assertThat(ofKind(objects, PodDisruptionBudget.class))
                    .filteredOn(p -> labels.entrySet().containsAll(p.getSpec().getSelector().getMatchLabels()
                            .entrySet()))
                    .as(deployment.getMetadata().getName()).hasSize(1);
        }
    }

    @ParameterizedTest
    @MethodSource("valuesFiles")
    void coversEveryPodWithADenyByDefaultNetworkPolicyWhenEnabled(String values) throws IOException {
        List<HasMetadata> objects = objects(render(values));
        List<NetworkPolicy> policies = ofKind(objects, NetworkPolicy.class);
        if (values.equals("ci/minimal-values.yaml")) {
            assertThat(policies).isEmpty();
            return;
        }
        for (Deployment deployment : ofKind(objects, Deployment.class)) {
            Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            List<NetworkPolicy> covering = policies.stream().filter(p -> selects(p, labels)).toList();
            assertThat(covering).as(deployment.getMetadata().getName()).hasSize(1);
            for (NetworkPolicy policy : covering) {
                assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
                var egressPorts = policy.getSpec().getEgress().stream().flatMap(e -> e.getPorts().stream())
                        .map(p -> p.getPort().getIntVal()).toList();
                assertThat(egressPorts).contains(53, 443);
                if ("portal".equals(labels.get("app.kubernetes.io/component"))) {
                    assertThat(egressPorts).as("the portal never reaches the store").doesNotContain(27017)
                            .contains(8085);
                } else {
                    assertThat(egressPorts).contains(27017);
                }
            }
        }
    }

    /** The portal reads no database and holds no service secret: it signs users in and calls the APIs. */
    @Test
    void deploysThePortalWithItsOidcClientButWithoutTheStoreOrAnyServiceSecret() throws IOException {
        Deployment portal = ofKind(objects(render("")), Deployment.class).stream()
                .filter(d -> "portal".equals(d.getMetadata().getLabels().get("app.kubernetes.io/component")))
                .findFirst().orElseThrow();
        var env = portal.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
        assertThat(env).extracting(e -> e.getName()).doesNotContain("MONGODB_URI", "CONTACT_MASTER_KEY",
                "CONTACT_PSEUDONYMISATION_KEYS", "CONTACT_AUDIT_SIGNING_KEY")
                .contains("CONTACT_CATALOG_URL", "CONTACT_CONSENT_URL", "CONTACT_AUDIT_URL", "CONTACT_OIDC_ISSUER");
        assertThat(env).filteredOn(e -> e.getName().equals("CONTACT_OIDC_CLIENT_SECRET")).singleElement()
                .satisfies(e -> assertThat(e.getValueFrom().getSecretKeyRef().getName())
                        .isEqualTo("contact-portal-oidc"));
    }

    /** Whether a policy's pod selector (labels, and NotIn expressions) picks pods with these labels. */
    private static boolean selects(NetworkPolicy policy, Map<String, String> labels) {
        var selector = policy.getSpec().getPodSelector();
        return labels.entrySet().containsAll(selector.getMatchLabels().entrySet())
                && selector.getMatchExpressions().stream().allMatch(e -> e.getOperator().equals("NotIn")
                        && !e.getValues().contains(labels.get(e.getKey())));
    }

    /** Health and metrics answer on the management port: the ingress controller never reaches it. */
    @ParameterizedTest
    @MethodSource("valuesFiles")
    void keepsHealthAndMetricsOnAManagementPortOnlyMonitoringReaches(String values) throws IOException {
        List<HasMetadata> objects = objects(render(values));
        for (Deployment deployment : ofKind(objects, Deployment.class)) {
            Container c = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(c.getPorts()).as(deployment.getMetadata().getName())
                    .anyMatch(p -> p.getName().equals("management") && p.getContainerPort() == 9000);
            assertThat(c.getEnv()).anyMatch(e -> e.getName().equals("QUARKUS_MANAGEMENT_PORT")
                    && e.getValue().equals("9000"));
            var annotations = deployment.getSpec().getTemplate().getMetadata().getAnnotations();
            if (annotations.containsKey("prometheus.io/port")) {
                assertThat(annotations.get("prometheus.io/port")).isEqualTo("9000");
            }
        }
        for (NetworkPolicy policy : ofKind(objects, NetworkPolicy.class)) {
            for (var rule : policy.getSpec().getIngress()) {
                var ports = rule.getPorts().stream().map(p -> p.getPort().getIntVal()).toList();
                assertThat(ports).as("every ingress rule names its ports").isNotEmpty();
                if (ports.contains(9000)) {
                    assertThat(ports).as("the management port is opened alone, to monitoring or the test pod")
                            .containsExactly(9000);
                }
            }
        }
        for (Ingress ingress : ofKind(objects, Ingress.class)) {
            ingress.getSpec().getRules().forEach(rule -> rule.getHttp().getPaths().forEach(path -> assertThat(
                    path.getBackend().getService().getPort().getName()).isEqualTo("http")));
        }
    }

    /** Every contact.* key the chart sets is one the service reads: catches drift between chart and code. */
    @ParameterizedTest
    @MethodSource("valuesFiles")
    void setsOnlyConfigurationKeysTheServicesRead(String values) throws IOException {
        Properties platform = properties(Path.of("..", "libs", "platform", "src", "main", "resources", "META-INF",
                "microprofile-config.properties"));
        for (ConfigMap config : ofKind(objects(render(values)), ConfigMap.class)) {
            String service = config.getMetadata().getLabels().get("app.kubernetes.io/component");
            Properties own = properties(Path.of("..", "services", service, "src", "main", "resources",
                    "application.properties"));
            Properties set = new Properties();
            set.load(new StringReader(config.getData().get("application.properties")));
            for (String key : set.stringPropertyNames()) {
                if (key.startsWith("contact.")) {
                    assertThat(own.containsKey(key) || platform.containsKey(key))
                            .as(service + " reads " + key).isTrue();
                }
            }
        }
    }

    @Test
    void rejectsValuesOfTheWrongTypeOrUnknownKeys() {
        assertThatThrownBy(() -> new Helm(CHART).template().set("services.consent.port", "eighty").call())
                .hasMessageContaining("port");
        assertThatThrownBy(() -> new Helm(CHART).template().set("servics.consent.port", 8081).call())
                .hasMessageContaining("servics");
        assertThatThrownBy(() -> new Helm(CHART).template().set("opentelemetry.samplerRatio", 3).call())
                .hasMessageContaining("samplerRatio");
    }

    @Test
    void letsAPodWithoutItsSecretsRunSoItsReadinessCanSayWhichIsMissing() throws IOException {
        for (Deployment deployment : ofKind(objects(render("")), Deployment.class)) {
            for (EnvVar env : deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
                if (env.getName().matches("CONTACT_(MASTER_KEY|PSEUDONYMISATION_KEYS|AUDIT_SIGNING_KEY)")) {
                    assertThat(env.getValueFrom().getSecretKeyRef().getOptional()).as(env.getName()).isTrue();
                }
            }
        }
    }

    /** Hooks are not part of what helm template renders: the test hook is checked as written. */
    @Test
    void shipsAHelmTestThatChecksEveryEnabledServicesReadiness() throws IOException {
        String hook = Files.readString(CHART.resolve("templates/tests/test-readiness.yaml"));
        assertThat(hook).contains("\"helm.sh/hook\": test", "range $service, $spec := .Values.services",
                "if $spec.enabled", "$.Values.management.port }}/q/health/ready", "curl -fsS");
    }

    private static Properties properties(Path file) throws IOException {
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            properties.load(in);
        }
        return properties;
    }
}
