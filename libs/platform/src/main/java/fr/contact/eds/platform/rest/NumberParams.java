package fr.contact.eds.platform.rest;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.function.Function;

/**
 * Whole numbers in query, path and header parameters: a value that is not one is a 400 naming the parameter, where
 * JAX-RS would answer a bare 404 for a query parameter it cannot convert.
 */
@Provider
public class NumberParams implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) new WholeNumber<>(name(annotations), Integer::valueOf);
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) new WholeNumber<>(name(annotations), Long::valueOf);
        }
        return null;
    }

    private static String name(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof PathParam path) {
                return path.value();
            }
            if (annotation instanceof HeaderParam header) {
                return header.value();
            }
        }
        return "parameter";
    }

    private record WholeNumber<N extends Number>(String field, Function<String, N> parse) implements ParamConverter<N> {

        @Override
        public N fromString(String value) {
            if (value == null) {
                return null;
            }
            try {
                return parse.apply(value.strip());
            } catch (NumberFormatException e) {
                throw new BadRequestException(
                        Problems.answer(400, field + " must be a whole number, not '" + shortened(value) + "'", field)
                                .build());
            }
        }

        @Override
        public String toString(N value) {
            return value == null ? null : value.toString();
        }

        private static String shortened(String value) {
            return value.length() <= 40 ? value : value.substring(0, 40) + "…";
        }
    }
}
