package dev.ganstudio.core.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.type.LogicalType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.stream.Collectors;

/** Reads and writes experiment configs as JSON, turning every problem into a message a person can act on. */
public final class ConfigIO {
    private static final ObjectMapper MAPPER = newMapper();

    private ConfigIO() {}

    /** The strict mapper used for configs and run metadata: unknown fields, coerced types and fractions are errors. */
    public static ObjectMapper mapper() { return MAPPER; }

    private static ObjectMapper newMapper() {
        ObjectMapper m = new ObjectMapper();
        m.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        m.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        m.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        m.enable(SerializationFeature.INDENT_OUTPUT);
        m.setSerializationInclusion(JsonInclude.Include.NON_NULL);
        for (LogicalType t : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            m.coercionConfigFor(t).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        m.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return m;
    }

    public static ExperimentConfig load(Path file) throws ConfigException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such file");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        return parse(text, file.toString());
    }

    public static ExperimentConfig parse(String json, String origin) throws ConfigException {
        try {
            return MAPPER.readValue(json, ExperimentConfig.class);
        } catch (JsonProcessingException e) {
            throw new ConfigException(origin + ": " + explain(e), e);
        }
    }

    public static String toJson(ExperimentConfig config) {
        try {
            return MAPPER.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("config cannot be written as JSON", e);
        }
    }

    public static void save(ExperimentConfig config, Path file) throws IOException {
        dev.ganstudio.core.export.AtomicFiles.writeStringAtomically(file, toJson(config) + "\n");
    }

    /** One line: which field, what was wrong, what is allowed. */
    static String explain(JsonProcessingException e) {
        String where = e instanceof JsonMappingException jm ? path(jm) : "";
        String at = where.isEmpty() ? "" : "field '" + where + "': ";
        if (e instanceof UnrecognizedPropertyException u) {
            String name = u.getPropertyName();
            String parent = where.contains(".") ? where.substring(0, where.lastIndexOf('.')) : "";
            String known = known(u.getKnownPropertyIds());
            String suggestion = closest(name, u.getKnownPropertyIds());
            return "unknown field '" + (parent.isEmpty() ? name : parent + "." + name) + "'"
                    + (suggestion == null ? "" : " (did you mean '" + suggestion + "'?)") + "; allowed here: " + known;
        }
        if (e instanceof InvalidTypeIdException t) {
            return at + "unknown type '" + t.getTypeId() + "'; " + allowedTypes(t);
        }
        if (e instanceof ValueInstantiationException v) {
            Throwable c = v.getCause() != null ? v.getCause() : v;
            return c.getMessage();
        }
        if (e instanceof MismatchedInputException m) {
            String target = m.getTargetType() == null ? "value" : friendly(m.getTargetType());
            return at + "expected " + target + " (" + firstLine(m.getOriginalMessage()) + ")";
        }
        if (e.getLocation() != null) {
            return "not valid JSON at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
                    + ": " + firstLine(e.getOriginalMessage());
        }
        return at + firstLine(e.getOriginalMessage());
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
            else if (r.getIndex() >= 0) sb.append('[').append(r.getIndex()).append(']');
        }
        return sb.toString();
    }

    private static String allowedTypes(InvalidTypeIdException t) {
        String base = t.getBaseType() == null ? "" : t.getBaseType().getRawClass().getSimpleName();
        return switch (base) {
            case "LayerSpec" -> "allowed layer types: dense, conv, upsample, batchnorm, activation, dropout, reshape, flatten, minibatch-features, mean-pool, sort";
            case "DataSourceConfig" -> "allowed data types: distribution, bundled-digits, fashion-mnist, idx, image-folder, cifar10, auto";
            case "Distribution1D" -> "allowed distributions: gaussian, mixture, uniform";
            default -> firstLine(t.getOriginalMessage());
        };
    }

    private static String friendly(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) return "a whole number";
        if (type == Double.class || type == double.class || type == Float.class) return "a number";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (type == String.class) return "a text string";
        if (Collection.class.isAssignableFrom(type)) return "a list [...]";
        return "a " + type.getSimpleName() + " object {...}";
    }

    private static String known(Collection<Object> ids) {
        return ids.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    private static String closest(String name, Collection<Object> ids) {
        return ids.stream().map(String::valueOf)
                .min(Comparator.comparingInt(k -> distance(k.toLowerCase(), name.toLowerCase())))
                .filter(k -> distance(k.toLowerCase(), name.toLowerCase()) <= Math.max(2, k.length() / 3))
                .orElse(null);
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[b.length()];
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
