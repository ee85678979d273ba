package fr.contact.eds.testing.cut.orders.rest;

import jakarta.ws.rs.Path;

@Path("/orders")
public class OrderResource {
}
