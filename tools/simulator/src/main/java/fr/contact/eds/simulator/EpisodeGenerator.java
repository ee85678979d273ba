package fr.contact.eds.simulator;

import fr.contact.eds.simulator.SyntheticEpisode.SyntheticPatient;
import java.math.BigInteger;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates unscheduled-care episodes with the shapes the network sees: more calls in winter and at
 * weekends, evening peaks, winter epidemics (influenza, bronchiolitis in infants, gastro-enteritis), every
 * département including overseas, home visits / consultations / teleconsultations in realistic shares,
 * common acute ICPC-2 diagnoses with their ICD-10 counterpart, outcomes, and patients who come back.
 * Deterministic for a given seed.
 */
public final class EpisodeGenerator {

    private static final ZoneId FRANCE = ZoneId.of("Europe/Paris");
    private static final int PATIENT_POOL = 50_000;
    /** An association's rota: members 0-259 associates, then 100 locums, 30 residents and 10 regulators. */
    private static final int ROTA = 400;
    private static final int FIRST_REGULATOR = 390;

    /** Hour-of-day weights on weekdays and at weekends: evenings dominate, weekends also by day. */
    private static final double[] WEEKDAY_HOURS = {2, 1.5, 1, 1, 1, 1, 1.5, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 7, 9, 10,
            9,
            6, 3};
    private static final double[] WEEKEND_HOURS = {3, 2, 1.5, 1, 1, 1, 1.5, 3, 6, 8, 8, 7, 6, 6, 7, 7, 7, 7, 8, 9, 9, 8,
            5, 3};

    /** ICPC-2 diagnosis → ICD-10, symptom at the call, medication (ATC), base weight. */
    private record Diagnosis(String icpc2, String icd10, String symptom, String atc, double weight, boolean feverish) {}

    private static final List<Diagnosis> DIAGNOSES = List.of(
            new Diagnosis("R74", "J06.9", "R05", "N02BE01", 14, true),
            new Diagnosis("R80", "J11.1", "A03", "N02BE01", 5, true),
            new Diagnosis("R78", "J20.9", "R05", "N02BE01", 6, false),
            new Diagnosis("D73", "A09.9", "D11", "A07XA04", 8, false),
            new Diagnosis("A03", "R50.9", "A03", "N02BE01", 6, true),
            new Diagnosis("H71", "H66.9", "H01", "J01CA04", 6, true),
            new Diagnosis("R76", "J03.9", "R21", "J01CA04", 5, true),
            new Diagnosis("A77", "U07.1", "A03", "N02BE01", 3, true),
            new Diagnosis("R96", "J45.9", "R02", "R03AC02", 3, false),
            new Diagnosis("U71", "N30.0", "U01", "J01XX01", 5, false),
            new Diagnosis("L03", "M54.5", "L03", "M01AE01", 6, false),
            new Diagnosis("N01", "R51", "N01", "N02BE01", 4, false),
            new Diagnosis("S18", "T14.1", "S18", "D08AC02", 4, false),
            new Diagnosis("D01", "R10.4", "D01", "A03AX13", 5, false),
            new Diagnosis("P74", "F41.9", "P01", "N05BA01", 3, false),
            new Diagnosis("K85", "R03.0", "K85", "C09AA05", 2, false),
            new Diagnosis("A88", "T67.9", "A88", "N02BE01", 1, false));

    private static final List<String> FAMILY = List.of("Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard",
            "Durand", "Dubois", "Moreau", "Laurent", "Simon", "Michel", "Lefèvre", "Leroy", "Roux", "David", "Bertrand",
            "Morel", "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Müller",
            "N'Diaye", "Nguyen", "Hoarau", "Payet", "Grondin", "Santoni", "Ahamada");
    private static final List<String> GIVEN_F = List.of("Marie", "Camille", "Léa", "Manon", "Chloé", "Inès", "Jade",
            "Louise", "Anne", "Nathalie", "Isabelle", "Sylvie", "Françoise", "Zoé", "Amina");
    private static final List<String> GIVEN_M = List.of("Jean", "Louis", "Gabriel", "Léo", "Hugo", "Lucas", "Nathan",
            "Pierre", "Michel", "Philippe", "Alain", "Thierry", "Éric", "Mamadou", "Kévin");

    private final Random random;
    private final String run;
    private final List<SyntheticPatient> patients = new ArrayList<>();
    /** Patients who object to the reuse of their data: a small minority, as in other opt-out health data systems. */
    static final double OPPOSING_SHARE = 0.02;
    private long episodes;

    public EpisodeGenerator(long seed) {
        this.random = new Random(seed);
        this.run = Long.toString(seed, 36);
    }

    /** The episodes of one day, around {@code meanPerDay} scaled by season and day of week. */
    public List<SyntheticEpisode> day(LocalDate date, double meanPerDay) {
        boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
        double expected = meanPerDay * season(date) * (weekend ? 1.6 : 0.83);
        int count = (int) Math.max(0, Math.round(expected + random.nextGaussian() * Math.sqrt(expected)));
        double[] hours = weekend ? WEEKEND_HOURS : WEEKDAY_HOURS;
        List<SyntheticEpisode> day = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int hour = pick(hours);
            Instant callAt = date.atTime(hour, random.nextInt(60), random.nextInt(60)).atZone(FRANCE).toInstant();
            day.add(episode(date, callAt));
        }
        day.sort((a, b) -> a.callAt().compareTo(b.callAt()));
        return day;
    }

    /** 1.35 in January down to 0.65 in July. */
    static double season(LocalDate date) {
        return 1 + 0.35 * Math.cos(2 * Math.PI * (date.getMonthValue() - 1) / 12.0);
    }

    static boolean winter(LocalDate date) {
        Month m = date.getMonth();
        return m == Month.DECEMBER || m == Month.JANUARY || m == Month.FEBRUARY;
    }

    private SyntheticEpisode episode(LocalDate date, Instant callAt) {
        SyntheticPatient patient = patient(date);
        int age = java.time.Period.between(patient.birthDate(), date).getYears();
        Diagnosis diagnosis = diagnosis(date, age);
        String departement = Departements.pick(random);
        // About a third of the network's calls end with the regulator's advice, with no visit nor consultation.
        String modality = pickWeighted(Map.of("HH", 24.0, "AMB", 34.0, "VR", 10.0, SyntheticEpisode.ADVICE, 32.0));
        Duration toStart = switch (modality) {
            case "HH" -> minutes(30, 130);
            case "AMB" -> minutes(15, 120);
            default -> minutes(5, 45);
        };
        Duration length = switch (modality) {
            case "HH" -> minutes(15, 35);
            case "AMB" -> minutes(10, 25);
            default -> minutes(8, 20);
        };
        Instant start = callAt.plus(toStart);
        Instant dispatch = "HH".equals(modality) ? callAt.plus(minutes(5, 25)) : null;
        String icd10 = "R78".equals(diagnosis.icpc2()) && age < 2 ? "J21.9" : diagnosis.icd10();
        episodes++;
        return new SyntheticEpisode(Departements.association(departement), "E-" + run + "-" + episodes, patient,
                departement,
                Departements.postalCode(departement, random), callAt, diagnosis.symptom(),
                pickWeighted(Map.of("P1", 5.0, "P2", 35.0, "P3", 60.0)),
                modality, dispatch, practitioner(modality), start, start.plus(length), diagnosis.icpc2(), icd10,
                diagnosis.feverish() ? 38 + random.nextInt(21) / 10.0 : 36.4 + random.nextInt(9) / 10.0,
                diagnosis.atc(), disposition(age), random.nextDouble() < 0.7);
    }

    /** Regulators take a share of the teleconsultations; every other encounter goes to whoever is on the rota. */
    private SyntheticEpisode.Practitioner practitioner(String modality) {
        if (SyntheticEpisode.ADVICE.equals(modality)) {
            return null;
        }
        int member = "VR".equals(modality) && random.nextDouble() < 0.4
                ? FIRST_REGULATOR + random.nextInt(ROTA - FIRST_REGULATOR)
                : random.nextInt(ROTA);
        String role = member < 260 ? "associate"
                : member < 360 ? "locum"
                        : member < FIRST_REGULATOR ? "resident"
                                : "regulator";
        return new SyntheticEpisode.Practitioner(String.format("1010%07d", member), role);
    }

    private Diagnosis diagnosis(LocalDate date, int age) {
        double[] weights = new double[DIAGNOSES.size()];
        boolean winter = winter(date);
        boolean summer = date.getMonth() == Month.JULY || date.getMonth() == Month.AUGUST;
        for (int i = 0; i < weights.length; i++) {
            Diagnosis d = DIAGNOSES.get(i);
            double w = d.weight();
            if (winter && "R80".equals(d.icpc2())) {
                w *= 6;
            }
            if (winter && List.of("R74", "D73", "A77").contains(d.icpc2())) {
                w *= 3;
            }
            if (winter && "R78".equals(d.icpc2())) {
                w *= age < 2 ? 12 : 2;
            }
            if (summer && "A88".equals(d.icpc2())) {
                w *= age >= 75 ? 20 : 6;
            }
            weights[i] = w;
        }
        return DIAGNOSES.get(pick(weights));
    }

    private String disposition(int age) {
        double r = random.nextDouble();
        if (age >= 75 && r < 0.002) {
            return "death";
        }
        if (r < 0.86) {
            return "home";
        }
        if (r < 0.94) {
            return "emergency-department";
        }
        return r < 0.99 ? "hospitalisation" : "other";
    }

    private SyntheticPatient patient(LocalDate date) {
        if (!patients.isEmpty() && random.nextDouble() < 0.15) {
            SyntheticPatient known = patients.get(random.nextInt(patients.size()));
            // Days may be generated backwards (the intake benchmark does): nobody returns before being born.
            if (!known.birthDate().isAfter(date)) {
                return known;
            }
        }
        int age = age();
        LocalDate birth = date.minusYears(age).minusDays(random.nextInt(365));
        boolean female = random.nextBoolean();
        List<String> givenNames = female ? GIVEN_F : GIVEN_M;
        String given = givenNames.get(random.nextInt(givenNames.size()));
        String family = FAMILY.get(random.nextInt(FAMILY.size()));
        String ins = random.nextDouble() < 0.7 ? ins(female, birth) : "";
        boolean opposes = random.nextDouble() < OPPOSING_SHARE;
        SyntheticPatient patient = new SyntheticPatient(ins, family, given, birth, female ? "female" : "male",
                opposes);
        if (patients.size() < PATIENT_POOL) {
            patients.add(patient);
        } else {
            patients.set(random.nextInt(PATIENT_POOL), patient);
        }
        return patient;
    }

    private int age() {
        int band = pick(new double[]{8, 20, 32, 18, 9, 13});
        return switch (band) {
            case 0 -> random.nextInt(2);
            case 1 -> 2 + random.nextInt(13);
            case 2 -> 15 + random.nextInt(30);
            case 3 -> 45 + random.nextInt(20);
            case 4 -> 65 + random.nextInt(10);
            default -> 75 + random.nextInt(25);
        };
    }

    /** A valid NIR: sex, birth year and month, birth département and commune, order, control key. */
    private String ins(boolean female, LocalDate birth) {
        String departement = Departements.ALL.get(random.nextInt(Departements.ALL.size()));
        String place = departement.length() == 3
                ? departement + String.format("%02d", 1 + random.nextInt(30))
                : departement + String.format("%03d", 1 + random.nextInt(300));
        String body = (female ? "2" : "1") + String.format("%02d%02d", birth.getYear() % 100, birth.getMonthValue())
                + place + String.format("%03d", 1 + random.nextInt(999));
        String numeric = body.replace("2A", "19").replace("2B", "18");
        int key = 97 - new BigInteger(numeric).mod(BigInteger.valueOf(97)).intValue();
        return body + String.format("%02d", key);
    }

    private Duration minutes(int min, int max) {
        return Duration.ofMinutes(min + random.nextInt(max - min + 1));
    }

    private int pick(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double r = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private String pickWeighted(Map<String, Double> weights) {
        List<String> keys = weights.keySet().stream().sorted().toList();
        double[] w = keys.stream().mapToDouble(weights::get).toArray();
        return keys.get(pick(w));
    }
}
