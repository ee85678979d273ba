package fr.contact.eds.consent.api;

/**
 * Who made a decision and how: the role that registered it, the channel, the guardian's pseudonym when a parent
 * acted for a minor child (null otherwise), and the reference of the letter for decisions received by post.
 */
public record DecisionOrigin(String registeredByRole, Channel channel, String guardianPseudonym,
        String letterReference) {}
