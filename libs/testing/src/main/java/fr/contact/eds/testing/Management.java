package fr.contact.eds.testing;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

/** Requests to the service under test's management interface (health, metrics), which has a port of its own. */
public final class Management {

    private Management() {}

    public static RequestSpecification given() {
        return RestAssured.given().port(port());
    }

    /** The port the running test application took (Quarkus records it when a free one was asked for). */
    public static int port() {
        return ConfigProvider.getConfig().getOptionalValue("quarkus.management.test-port", Integer.class)
                .orElse(9001);
    }
}
