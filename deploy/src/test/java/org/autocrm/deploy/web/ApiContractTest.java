package org.autocrm.deploy.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiContractTest {

    private static final String SNAPSHOT = """
            {"openapi":"3.1.0","info":{"title":"AutoCRM","description":"old words","version":"1"},
             "paths":{"/api/tickets":{"get":{"summary":"List","parameters":[
               {"name":"status","in":"query","schema":{"type":"string"}},
               {"name":"q","in":"query","schema":{"type":"string"}}],
               "responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Page"}}}}}}}},
             "components":{"schemas":{"Page":{"type":"object","required":["items","total"],
               "properties":{"items":{"type":"array"},"total":{"type":"integer"},"description":{"type":"string"}}}}}}
            """;

    @Test
    void ignoresProseAndTheOrderOfKeysAndSets() {
        String reordered = """
                {"components":{"schemas":{"Page":{"properties":{"description":{"type":"string"},"total":{"type":"integer"},
                   "items":{"type":"array"}},"required":["total","items"],"type":"object","description":"a page"}}},
                 "info":{"title":"AutoCRM","description":"new words","version":"2"},"openapi":"3.1.0",
                 "paths":{"/api/tickets":{"get":{"parameters":[
                   {"in":"query","name":"q","schema":{"type":"string"}},
                   {"name":"status","in":"query","schema":{"type":"string"}}],
                   "responses":{"200":{"description":"fine","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Page"}}}}}}}}}
                """;
        assertThat(ApiContract.differences(ApiContract.read(SNAPSHOT), ApiContract.read(reordered))).isEmpty();
    }

    @Test
    void namesEveryChangeTheTypesWouldNotice() {
        String changed = SNAPSHOT
                .replace("\"total\":{\"type\":\"integer\"}", "\"total\":{\"type\":\"string\"}")
                .replace("\"/api/tickets\":{\"get\"", "\"/api/tickets\":{\"post\"")
                .replace("\"properties\":{\"items\":{\"type\":\"array\"},", "\"properties\":{")
                .replace("\"required\":[\"items\",\"total\"]", "\"required\":[\"total\"]");
        assertThat(ApiContract.differences(ApiContract.read(SNAPSHOT), ApiContract.read(changed)))
                .anyMatch(line -> line.startsWith("/components/schemas/Page/properties/total/type: \"integer\" -> \"string\""))
                .anyMatch(line -> line.startsWith("/components/schemas/Page/properties/items: removed"))
                .anyMatch(line -> line.startsWith("/components/schemas/Page/required"))
                .anyMatch(line -> line.startsWith("/paths/~1api~1tickets/get: removed"))
                .anyMatch(line -> line.startsWith("/paths/~1api~1tickets/post: added"));
    }

    @Test
    void aRefreshedSnapshotIsWrittenWithSortedKeys() {
        String pretty = ApiContract.pretty(ApiContract.read("{\"b\":1,\"a\":{\"d\":2,\"c\":3}}"));
        assertThat(pretty.indexOf("\"a\"")).isLessThan(pretty.indexOf("\"b\""));
        assertThat(pretty.indexOf("\"c\"")).isLessThan(pretty.indexOf("\"d\""));
    }
}
