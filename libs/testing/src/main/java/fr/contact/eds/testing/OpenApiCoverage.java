package fr.contact.eds.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.restassured.path.json.JsonPath;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Checks a service's OpenAPI description against its JAX-RS resources: every endpoint, with the roles it declares. */
final class OpenApiCoverage {

    private OpenApiCoverage() {}

    record Endpoint(String verb, String path, List<String> roles, String where) {}

    static List<Endpoint> endpoints(JavaClasses classes) {
        List<Endpoint> endpoints = new ArrayList<>();
        classes.stream().filter(c -> c.isAnnotatedWith(Path.class)).map(c -> c.reflect()).forEach(resource -> {
            for (Method method : resource.getDeclaredMethods()) {
                String verb = Arrays.stream(method.getAnnotations())
                        .map(a -> a.annotationType().getAnnotation(HttpMethod.class)).filter(java.util.Objects::nonNull)
                        .map(HttpMethod::value).findFirst().orElse(null);
                if (verb == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String path = normalised(resource.getAnnotation(Path.class).value() + "/"
                        + (sub == null ? "" : sub.value()));
                RolesAllowed roles = method.isAnnotationPresent(RolesAllowed.class)
                        ? method.getAnnotation(RolesAllowed.class)
                        : method.isAnnotationPresent(PermitAll.class) ? null
                                : resource.getAnnotation(RolesAllowed.class);
                endpoints.add(new Endpoint(verb.toLowerCase(java.util.Locale.ROOT), path,
                        roles == null ? List.of() : List.of(roles.value()),
                        resource.getSimpleName() + "." + method.getName()));
            }
        });
        return endpoints;
    }

    /** {@code /fhir/{operation: (\$|%24)import}/} becomes {@code /fhir/{operation}}, as OpenAPI writes it. */
    static String normalised(String path) {
        String plain = path.replaceAll("\\{\\s*([A-Za-z0-9_]+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        plain = plain.startsWith("/") ? plain : "/" + plain;
        return plain.length() > 1 && plain.endsWith("/") ? plain.substring(0, plain.length() - 1) : plain;
    }

    @SuppressWarnings("unchecked")
    static void assertDescribed(JsonPath openApi, List<Endpoint> endpoints) {
        Map<String, Map<String, Object>> paths = openApi.getMap("paths");
        assertThat(endpoints).as("endpoints found").isNotEmpty();
        for (Endpoint endpoint : endpoints) {
            assertThat(paths).as(endpoint.where() + " at " + endpoint.path()).containsKey(endpoint.path());
            Map<String, Object> operation = (Map<String, Object>) paths.get(endpoint.path()).get(endpoint.verb());
            assertThat(operation).as(endpoint.where() + ": " + endpoint.verb() + " " + endpoint.path()).isNotNull();
            List<String> described = ((List<Map<String, Collection<String>>>) operation.getOrDefault("security",
                    List.of())).stream().flatMap(requirement -> requirement.values().stream())
                    .flatMap(Collection::stream).toList();
            assertThat(described).as(endpoint.where() + " roles").containsExactlyInAnyOrderElementsOf(endpoint.roles());
            Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
            assertThat(responses).as(endpoint.where() + " describes its refusals").containsKey("400");
        }
        assertThat(openApi.getMap("components.schemas")).containsKey("Problem");
    }
}
