package fr.contact.eds.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** The départements the simulated network covers, weighted towards the big cities, and one association each. */
final class Departements {

    /** 01-95 without 20, 2A, 2B, and 971-976 as the mission lists them: 102 codes. */
    static final List<String> ALL = all();
    private static final List<String> BIG = List.of("75", "13", "69", "59", "92", "93", "94", "33", "31",
            "06", "34", "44", "67", "76", "77", "78", "91", "95", "62", "38");

    private Departements() {}

    static String pick(Random random) {
        if (random.nextDouble() < 0.45) {
            return BIG.get(random.nextInt(BIG.size()));
        }
        return ALL.get(random.nextInt(ALL.size()));
    }

    static String postalCode(String departement, Random random) {
        return switch (departement) {
            case "2A" -> "20" + (random.nextBoolean() ? "000" : "100");
            case "2B" -> "20" + (random.nextBoolean() ? "200" : "600");
            default -> departement.length() == 3 ? departement + String.format("%02d", random.nextInt(100))
                    : departement + String.format("%03d", random.nextInt(1000));
        };
    }

    static String association(String departement) {
        return "sos-" + departement.toLowerCase(Locale.ROOT);
    }

    private static List<String> all() {
        List<String> all = new ArrayList<>();
        for (int d = 1; d <= 95; d++) {
            if (d != 20) {
                all.add(String.format("%02d", d));
            }
        }
        all.add("2A");
        all.add("2B");
        for (int d = 971; d <= 976; d++) {
            all.add(String.valueOf(d));
        }
        return List.copyOf(all);
    }
}
