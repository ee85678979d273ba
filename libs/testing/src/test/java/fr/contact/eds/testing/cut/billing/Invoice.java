package fr.contact.eds.testing.cut.billing;

import fr.contact.eds.testing.cut.orders.Order;
import fr.contact.eds.testing.cut.orders.rest.OrderResource;
import jakarta.ws.rs.core.Response;

/** Fixture: core code that speaks HTTP and calls a rest edge. */
public record Invoice(Order order, OrderResource resource, Response response) {}
