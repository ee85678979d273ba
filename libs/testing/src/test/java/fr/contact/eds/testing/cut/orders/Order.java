package fr.contact.eds.testing.cut.orders;

import fr.contact.eds.portal.fixture.Page;
import fr.contact.eds.testing.cut.billing.Invoice;

/** Fixture: a capability that depends on another which depends back, and on another service's internals. */
public record Order(Invoice invoice, Page page) {}
