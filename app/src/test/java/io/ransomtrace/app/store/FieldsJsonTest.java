package io.ransomtrace.app.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FieldsJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Property(tries = 300)
    void anyFieldsReadBackEqual(@ForAll @Size(max = 12) Map<String, String> fields) throws Exception {
        String json = FieldsJson.write(fields);
        Map<String, String> read = JSON.readValue(json, new TypeReference<>() {
        });
        assertThat(read).isEqualTo(fields);
    }

    @Test
    void keysAreSortedAndAwkwardTextIsEscaped() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("msg", "op=PAM:login acct=\"alice\"\\x\n\t\u0001");
        fields.put("addr", "10.0.0.5");
        assertThat(FieldsJson.write(fields))
                .isEqualTo("{\"addr\":\"10.0.0.5\",\"msg\":\"op=PAM:login acct=\\\"alice\\\"\\\\x\\n\\t\\u0001\"}");
    }
}
