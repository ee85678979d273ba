package fr.contact.eds.testing.tidy.orders;

import fr.contact.eds.testing.tidy.billing.Invoice;

public record Order(Invoice invoice) {}
