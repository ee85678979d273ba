package fr.contact.eds.testing.tidy.orders.rest;

import fr.contact.eds.testing.tidy.orders.Order;
import jakarta.ws.rs.Path;

@Path("/orders")
public class OrderResource {

    public Order order() {
        return null;
    }
}
