package org.autocrm.access.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.autocrm.access.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Hostile input against the kit's test service on a real Tomcat, sent over a raw socket so that
 * nothing between the test and the server tidies the request up: every refusal is a problem
 * response naming what is wrong, and what the kit does not refuse is still the service's to answer.
 */
@SpringBootTest(classes = ServiceAccessAutoConfigurationTest.ThingService.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.servlet.multipart.max-file-size=1KB")
class HostileInputTest {

    private static final String TOKEN = TestTokens.token("acme", "maria", "agent").sign();
    private static final String BOUNDARY = "b0undary";
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void identity(DynamicPropertyRegistry registry) {
        registry.add("autocrm.identity.jwks", () -> TestTokens.publicKeySet(TestTokens.KEY));
    }

    @LocalServerPort
    private int port;

    // --- control characters in JSON bodies --------------------------------------------------------

    @Test
    void aNulInATopLevelFieldIsRefusedNamingTheField() throws Exception {
        Answer answer = postJson("/api/things/customers", "{\"name\":\"Ann\\u0000Lee\"}");

        answer.assertInvalidRequest("name must not contain control characters (found U+0000)");
        assertThat(answer.json().at("/errors/0/field").asText()).isEqualTo("name");
        assertThat(answer.json().at("/errors/0/message").asText())
                .isEqualTo("must not contain control characters (found U+0000)");
    }

    @Test
    void aControlCharacterInANestedListElementIsRefusedNamingItsPath() throws Exception {
        postJson("/api/things/customers", "{\"name\":\"Ann\",\"emails\":[\"ann@acme.example\",\"ann\\u0085@acme.example\"]}")
                .assertInvalidRequest("emails[1] must not contain control characters (found U+0085)");
        postJson("/api/things/customers",
                "{\"name\":\"Ann\",\"address\":{\"city\":\"Oslo\",\"lines\":[\"Storgata 1\\u0007\"]}}")
                .assertInvalidRequest("address.lines[0] must not contain control characters (found U+0007)");
    }

    @Test
    void aControlCharacterInAMapKeyOrValueIsRefusedNamingIt() throws Exception {
        Answer key = postJson("/api/things/customers", "{\"name\":\"Ann\",\"fields\":{\"pl\\u0000an\":\"gold\"}}");
        key.assertInvalidRequest("fields.pl\\u0000an must not contain control characters in its name (found U+0000)");
        assertThat(key.json().at("/errors/0/field").asText()).isEqualTo("fields.pl\\u0000an");

        postJson("/api/things/customers", "{\"name\":\"Ann\",\"fields\":{\"plan\":\"\\u001b[31mgold\"}}")
                .assertInvalidRequest("fields.plan must not contain control characters (found U+001B)");
    }

    @Test
    void anIgnoredUnknownPropertyIsCheckedLikeTheRest() throws Exception {
        postJson("/api/things/customers", "{\"name\":\"Ann\",\"nickname\":{\"short\":[\"A\\u007f\"]}}")
                .assertInvalidRequest("nickname.short[0] must not contain control characters (found U+007F)");
    }

    @Test
    void tabLineFeedAndCarriageReturnAreText() throws Exception {
        Answer answer = postJson("/api/things/customers", "{\"name\":\"Ann\\tLee\\r\\nSecond line\",\"fields\":{}}");

        assertThat(answer.status).isEqualTo(200);
        assertThat(answer.body).isEqualTo("added Ann\tLee\r\nSecond line");
    }

    // --- control characters in parameters, paths and file names ----------------------------------

    @Test
    void aNulInAQueryParameterIsRefusedNamingTheParameter() throws Exception {
        Answer answer = send(get("/api/things/search?q=acme%00corp"));

        answer.assertInvalidRequest("q must not contain control characters (found U+0000)");
        assertThat(answer.json().at("/errors/0/field").asText()).isEqualTo("q");
        assertThat(send(get("/api/things/search?q=acme%09corp")).body).isEqualTo("found acme\tcorp");
    }

    @Test
    void aControlCharacterInAPathVariableIsRefusedNamingTheVariable() throws Exception {
        send(get("/api/things/th%01ng")).assertInvalidRequest("id must not contain control characters (found U+0001)");
    }

    @Test
    void aControlCharacterInAnUploadedFileNameIsRefused() throws Exception {
        Answer answer = send(multipart("/api/things/files", BOUNDARY,
                "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x\u0001.png\"\r\n"
                        + "Content-Type: image/png\r\n\r\npng\r\n--" + BOUNDARY + "--\r\n"));

        answer.assertInvalidRequest("file must not contain control characters in its file name (found U+0001)");
    }

    @Test
    void aNulInAnUploadedFileNameWhichTomcatRefusesFirstIsRefusedInWordsToo() throws Exception {
        Answer answer = send(multipart("/api/things/files", BOUNDARY,
                "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"scr\u0000een.png\"\r\n"
                        + "Content-Type: image/png\r\n\r\npng\r\n--" + BOUNDARY + "--\r\n"));

        answer.assertInvalidRequest("The file name of an uploaded part must not contain control characters");
    }

    // --- strict JSON -----------------------------------------------------------------------------

    @Test
    void contentAfterTheJsonDocumentIsRefused() throws Exception {
        postJson("/api/things/customers", "{\"name\":\"Ann\"}}}")
                .assertInvalidRequest("The request body is not valid JSON: there is more content after the end of "
                        + "the JSON document (line 1, column 15)");
        postJson("/api/things/customers", "{\"name\":\"Ann\"} {\"name\":\"Bob\"}")
                .assertInvalidRequest("The request body is not valid JSON: there is more content after the end");
        assertThat(postJson("/api/things/customers", "{\"name\":\"Ann\"}\r\n  ").status).isEqualTo(200);
    }

    @Test
    void otherUnreadableBodiesAreStillTheServicesToAnswer() throws Exception {
        Answer wrongType = postJson("/api/things/customers", "{\"name\":\"Ann\",\"size\":\"large\"}");
        assertThat(wrongType.status).isEqualTo(400);
        assertThat(wrongType.contentType()).startsWith("application/problem+json");
        assertThat(wrongType.json().get("detail").asText()).isEqualTo("size has the wrong type");

        Answer broken = postJson("/api/things/customers", "{\"name\":");
        assertThat(broken.status).isEqualTo(400);
        assertThat(broken.json().get("detail").asText()).isEqualTo("The request body is not valid JSON");
    }

    // --- multipart -------------------------------------------------------------------------------

    @Test
    void aMultipartBodyWithoutBoundaryIsABadRequest() throws Exception {
        Answer answer = send(request("POST", "/api/things/files", "multipart/form-data",
                "--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nhi\r\n--x--\r\n"));

        answer.assertInvalidRequest("The multipart body cannot be read: the Content-Type header names no boundary");
    }

    @Test
    void aMultipartPartWithoutHeadersIsABadRequest() throws Exception {
        Answer answer = send(multipart("/api/things/files", BOUNDARY,
                "--" + BOUNDARY + "\r\nhello\r\n--" + BOUNDARY + "--\r\n"));

        answer.assertInvalidRequest("The multipart body cannot be read: it is not well-formed multipart/form-data");
    }

    @Test
    void aFileSentAsAnythingButMultipartIsAnUnsupportedMediaType() throws Exception {
        postJson("/api/things/files", "{\"file\":\"x\"}").assertProblem(415, "The request is not multipart/form-data");
    }

    @Test
    void anUploadOverTheLimitIsStillTheServicesToAnswer() throws Exception {
        Answer answer = send(multipart("/api/things/files", BOUNDARY,
                "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.txt\"\r\n\r\n"
                        + "x".repeat(4096) + "\r\n--" + BOUNDARY + "--\r\n"));

        assertThat(answer.status).isEqualTo(413);
        assertThat(answer.json().get("detail").asText()).isEqualTo("The upload is larger than this service accepts");
    }

    // --- what Tomcat and Spring Boot answer themselves -------------------------------------------

    @Test
    void anEncodedSlashInThePathIsAProblemNotAnHtmlPage() throws Exception {
        Answer answer = send(get("/api/things/a%2Fb"));

        answer.assertProblem(400, "The request path is not valid");
    }

    @Test
    void anEncodedNulInThePathIsAProblemNotAnHtmlPage() throws Exception {
        Answer answer = send(get("/api/things/a%00b"));

        answer.assertProblem(400, "The request path is not valid");
    }

    @Test
    void anOverLongHeaderIsAProblemNotAnHtmlPage() throws Exception {
        Answer answer = send("GET /api/things HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TOKEN
                + "\r\nX-Padding: " + "p".repeat(20_000) + "\r\nConnection: close\r\n\r\n");

        assertThat(answer.status).isBetween(400, 499);
        answer.assertProblem(answer.status, "The request headers are larger than this service accepts");
    }

    @Test
    void aMalformedRequestLineIsAProblemNotAnHtmlPage() throws Exception {
        Answer answer = send("GET /api/things?q=a b HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        answer.assertProblem(400, "The request is not valid HTTP");
    }

    @Test
    void whatReachesSpringBootsErrorPageIsAProblemWhateverTheCallerAccepts() throws Exception {
        Answer answer = send("DELETE /api/things/t-1 HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TOKEN
                + "\r\nAccept: text/html\r\nConnection: close\r\n\r\n");

        answer.assertProblem(409, "Thing t-1 is in use");
        assertThat(answer.json().get("title").asText()).isEqualTo("Conflict");
    }

    // --- a raw HTTP/1.1 client -------------------------------------------------------------------

    private Answer postJson(String path, String json) throws IOException {
        return send(request("POST", path, "application/json", json));
    }

    private static String get(String pathAndQuery) {
        return "GET " + pathAndQuery + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TOKEN
                + "\r\nConnection: close\r\n\r\n";
    }

    private static String multipart(String path, String boundary, String body) {
        return request("POST", path, "multipart/form-data; boundary=" + boundary, body);
    }

    private static String request(String method, String path, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TOKEN
                + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + bytes.length
                + "\r\nConnection: close\r\n\r\n" + body;
    }

    private Answer send(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return Answer.parse(readAll(socket.getInputStream()));
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                all.write(buffer, 0, n);
            }
        } catch (java.net.SocketException reset) {
            // the server may close without reading a refused request to its end; what it answered is read
        }
        return all.toByteArray();
    }

    record Answer(int status, Map<String, String> headers, String body) {

        static Answer parse(byte[] raw) {
            String text = new String(raw, StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            assertThat(end).as("a complete HTTP response, got: %s", text).isPositive();
            String[] lines = text.substring(0, end).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
            String body = text.substring(end + 4);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = dechunk(body);
            }
            return new Answer(status, headers, body);
        }

        private static String dechunk(String chunked) {
            StringBuilder body = new StringBuilder();
            int at = 0;
            while (true) {
                int lineEnd = chunked.indexOf("\r\n", at);
                int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
                if (size == 0) {
                    return body.toString();
                }
                // sizes count bytes; these bodies are ASCII apart from escaped characters
                body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
                at = lineEnd + 2 + size + 2;
            }
        }

        String contentType() {
            return headers.getOrDefault("content-type", "");
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        void assertInvalidRequest(String detailStart) {
            assertProblem(400, detailStart);
            assertThat(json().get("type").asText()).isEqualTo("https://autocrm.org/problems/invalid-request");
            assertThat(json().get("title").asText()).isEqualTo("Invalid request");
        }

        void assertProblem(int expectedStatus, String detailStart) {
            assertThat(status).as("status of %s", body).isEqualTo(expectedStatus);
            assertThat(contentType()).as("content type of %s", body).startsWith("application/problem+json");
            assertThat(json().get("status").asInt()).isEqualTo(expectedStatus);
            assertThat(json().get("detail").asText()).startsWith(detailStart);
        }
    }
}
