package fr.contact.eds.testing;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Generates instances of event records with every value their types allow: nulls anywhere a reference may be null,
 * empty and null-holding lists, any enum constant, unknown codes, extreme instants and numbers. A projection fed
 * these must never throw: whatever an event type can hold may one day be stored, and one event that a projection
 * cannot handle freezes what comes after it.
 */
public final class ArbitraryEvents {

    private static final List<Instant> INSTANTS = List.of(Instant.EPOCH, Instant.parse("1900-01-01T00:00:00Z"),
            Instant.parse("2026-01-15T19:52:00Z"), Instant.parse("2200-12-31T23:59:59Z"));
    private final long seed;
    private final Random random;
    /** Few keys, so that generated events meet on the same documents. */
    private final List<String> keys;

    public ArbitraryEvents(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
        this.keys = List.of("k-1", "k-2", "k-3", "", "ünïcödé-" + seed);
    }

    /**
     * Hands {@code events} arbitrary events to the projection's {@code @EventHandler} methods, picked at random
     * (a {@code ReplayStatus} parameter is REGULAR, a {@code TrackingToken} the next log position); a handler that
     * throws fails with the seed, the handler and the event. Returns how many handlers there are.
     */
    public int feed(Object projection, int events) {
        List<java.lang.reflect.Method> handlers = java.util.Arrays.stream(projection.getClass().getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(org.axonframework.eventhandling.EventHandler.class)).toList();
        for (int i = 0; i < events && !handlers.isEmpty(); i++) {
            java.lang.reflect.Method handler = handlers.get(random.nextInt(handlers.size()));
            @SuppressWarnings("unchecked")
            Object event = of((Class<? extends Record>) handler.getParameterTypes()[0]);
            Object[] args = new Object[handler.getParameterCount()];
            args[0] = event;
            for (int p = 1; p < args.length; p++) {
                Class<?> type = handler.getParameterTypes()[p];
                args[p] = type == org.axonframework.eventhandling.ReplayStatus.class
                        ? org.axonframework.eventhandling.ReplayStatus.REGULAR
                        : type == org.axonframework.eventhandling.TrackingToken.class
                                ? new org.axonframework.eventhandling.GlobalSequenceTrackingToken(i)
                                : null;
            }
            handler.setAccessible(true);
            try {
                handler.invoke(projection, args);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw new AssertionError("seed " + seed + ": " + handler.getName() + " failed on " + event,
                        e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return handlers.size();
    }

    /** An instance with arbitrary values; values its own constructor refuses are drawn again, as intake would. */
    @SuppressWarnings("unchecked")
    public <T extends Record> T of(Class<T> type) {
        try {
            for (int attempt = 0; attempt < 100; attempt++) {
                Object built = value(type, type, -1_000);
                if (built != null) {
                    return (T) built;
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build a " + type.getName(), e);
        }
        throw new IllegalStateException("no arbitrary " + type.getName() + " its constructor accepts");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object value(Class<?> type, Type generic, int depth) throws ReflectiveOperationException {
        if (type.isPrimitive()) {
            return primitive(type);
        }
        if (depth > -1_000 && (random.nextInt(4) == 0 || depth > 3)) {
            return null;
        }
        if (type == String.class) {
            return switch (random.nextInt(4)) {
                case 0 -> keys.get(random.nextInt(keys.size()));
                case 1 -> "";
                case 2 -> "unknown-code-" + random.nextInt(1000);
                default -> UUID.randomUUID().toString();
            };
        }
        if (type == Instant.class) {
            return INSTANTS.get(random.nextInt(INSTANTS.size()));
        }
        if (type == LocalDate.class) {
            return LocalDate.of(1900 + random.nextInt(300), 1 + random.nextInt(12), 1 + random.nextInt(28));
        }
        if (type == BigDecimal.class) {
            return List.of(BigDecimal.ZERO, new BigDecimal("-1"), new BigDecimal("1E+400"), new BigDecimal("37.5"))
                    .get(random.nextInt(4));
        }
        if (type == Integer.class || type == Long.class || type == Boolean.class || type == Double.class) {
            return primitive(type == Integer.class ? int.class
                    : type == Long.class ? long.class
                            : type == Boolean.class ? boolean.class : double.class);
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return constants[random.nextInt(constants.length)];
        }
        if (type.isRecord()) {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = value(components[i].getType(), components[i].getGenericType(), Math.max(depth, -1) + 1);
            }
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            try {
                return constructor.newInstance(values);
            } catch (java.lang.reflect.InvocationTargetException refused) {
                return null; // the record's own constructor refuses these values: it cannot be stored so
            }
        }
        if (List.class.isAssignableFrom(type) || Set.class.isAssignableFrom(type)) {
            Type element = generic instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
            Class<?> elementClass = element instanceof Class<?> c ? c
                    : element instanceof ParameterizedType p ? (Class<?>) p.getRawType() : Object.class;
            List items = new ArrayList<>();
            int size = random.nextInt(4);
            for (int i = 0; i < size; i++) {
                items.add(value(elementClass, element, depth + 1));
            }
            return Set.class.isAssignableFrom(type) ? new java.util.HashSet<>(items) : items;
        }
        if (Map.class.isAssignableFrom(type)) {
            return Map.of();
        }
        return null;
    }

    private Object primitive(Class<?> type) {
        if (type == int.class) {
            return List.of(0, -1, Integer.MAX_VALUE, 7).get(random.nextInt(4));
        }
        if (type == long.class) {
            return List.of(0L, -1L, Long.MAX_VALUE, 7L).get(random.nextInt(4));
        }
        if (type == boolean.class) {
            return random.nextBoolean();
        }
        if (type == double.class) {
            return List.of(0.0, -1.0, Double.NaN, 1e300).get(random.nextInt(4));
        }
        return 0;
    }
}
