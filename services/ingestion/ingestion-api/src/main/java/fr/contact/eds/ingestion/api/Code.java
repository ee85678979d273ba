package fr.contact.eds.ingestion.api;

/** A coded value as sent (ICPC-2, ICD-10, LOINC, ATC...): system URI and code, never free text. */
public record Code(String system, String code) {}
