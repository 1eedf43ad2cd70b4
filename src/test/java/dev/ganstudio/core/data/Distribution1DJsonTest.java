package dev.ganstudio.core.data;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Distribution1DJsonTest {

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Distribution1D roundTrip(Distribution1D d) throws Exception {
        String json = mapper.writeValueAsString(d);
        return mapper.readValue(json, Distribution1D.class);
    }

    @Test
    void gaussianRoundTripsWithExactFieldNames() throws Exception {
        Distribution1D d = new GaussianDistribution(4, 1.25);
        JsonNode tree = mapper.readTree(mapper.writeValueAsString(d));
        assertEquals(mapper.readTree("{\"type\":\"gaussian\",\"mean\":4.0,\"std\":1.25}"), tree);
        assertEquals(d, roundTrip(d));
    }

    @Test
    void uniformRoundTripsWithExactFieldNames() throws Exception {
        Distribution1D d = new UniformDistribution(-1, 3);
        JsonNode tree = mapper.readTree(mapper.writeValueAsString(d));
        assertEquals(mapper.readTree("{\"type\":\"uniform\",\"low\":-1.0,\"high\":3.0}"), tree);
        assertEquals(d, roundTrip(d));
    }

    @Test
    void mixtureRoundTripsWithExactFieldNames() throws Exception {
        Distribution1D d = new MixtureDistribution(List.of(
                new MixtureComponent(1, -2, 0.5), new MixtureComponent(3, 2, 0.25)));
        JsonNode tree = mapper.readTree(mapper.writeValueAsString(d));
        assertEquals(mapper.readTree("{\"type\":\"mixture\",\"components\":["
                + "{\"weight\":0.25,\"mean\":-2.0,\"std\":0.5},"
                + "{\"weight\":0.75,\"mean\":2.0,\"std\":0.25}]}"), tree);
        assertEquals(d, roundTrip(d));
    }

    @Test
    void mixtureWithAwkwardWeightsRoundTripsToAnEqualRecord() throws Exception {
        Distribution1D d = new MixtureDistribution(List.of(
                new MixtureComponent(0.1, 0, 1), new MixtureComponent(0.2, 1, 1), new MixtureComponent(0.7, 2, 1),
                new MixtureComponent(1.0 / 3, 3, 1), new MixtureComponent(Math.PI, 4, 1)));
        assertEquals(d, roundTrip(d));
        assertEquals(d, roundTrip(roundTrip(d)));
    }

    @Test
    void readsHandWrittenConfigAsTheRightRecord() throws Exception {
        Distribution1D d = mapper.readValue(
                "{\"type\":\"mixture\",\"components\":[{\"weight\":1,\"mean\":-2,\"std\":0.5},{\"weight\":1,\"mean\":2,\"std\":0.5}]}",
                Distribution1D.class);
        MixtureDistribution m = assertInstanceOf(MixtureDistribution.class, d);
        assertEquals(new MixtureComponent(0.5, -2, 0.5), m.components().get(0));
        assertEquals(new MixtureComponent(0.5, 2, 0.5), m.components().get(1));
        assertEquals(new UniformDistribution(0, 1),
                mapper.readValue("{\"low\":0,\"type\":\"uniform\",\"high\":1}", Distribution1D.class));
    }

    @Test
    void invalidParametersSurfaceTheValidationMessage() {
        JsonMappingException e = assertThrows(JsonMappingException.class,
                () -> mapper.readValue("{\"type\":\"gaussian\",\"mean\":0,\"std\":-1}", Distribution1D.class));
        assertTrue(e.getMessage().contains("gaussian.std must be > 0, got -1.0"), e.getMessage());
    }

    @Test
    void missingFieldsAreRejectedInsteadOfDefaultingToZero() {
        JsonMappingException e = assertThrows(JsonMappingException.class,
                () -> mapper.readValue("{\"type\":\"uniform\",\"high\":1}", Distribution1D.class));
        assertTrue(e.getMessage().contains("'low'"), e.getMessage());
        assertThrows(JsonMappingException.class,
                () -> mapper.readValue("{\"type\":\"mixture\",\"components\":[{\"mean\":0,\"std\":1}]}", Distribution1D.class));
        assertThrows(JsonMappingException.class,
                () -> mapper.readValue("{\"type\":\"mixture\"}", Distribution1D.class));
    }

    @Test
    void unknownTypeAndUnknownFieldsAreRejected() {
        assertThrows(JsonMappingException.class,
                () -> mapper.readValue("{\"type\":\"cauchy\",\"mean\":0}", Distribution1D.class));
        assertThrows(JsonMappingException.class,
                () -> mapper.readValue("{\"type\":\"gaussian\",\"mean\":0,\"std\":1,\"sigma\":2}", Distribution1D.class));
        assertThrows(JsonMappingException.class,
                () -> mapper.readValue("{\"mean\":0,\"std\":1}", Distribution1D.class));
    }
}
