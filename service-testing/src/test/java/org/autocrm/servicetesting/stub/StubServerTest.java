package org.autocrm.servicetesting.stub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StubServerTest {

    private final StubServer stub = StubServer.start();
    private final HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void answersWhatItWasToldAndRecordsTheRequest() throws Exception {
        stub.answer("POST", "/v1/chat/completions", 200, "{\"choices\":[]}");

        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(stub.baseUrl()
                        + "/v1/chat/completions?stream=false"))
                .header("Authorization", "Bearer sk-test")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"m\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo("{\"choices\":[]}");
        StubServer.Request received = stub.requests().get(0);
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.path()).isEqualTo("/v1/chat/completions");
        assertThat(received.query()).isEqualTo("stream=false");
        assertThat(received.headers().getFirst("Authorization")).isEqualTo("Bearer sk-test");
        assertThat(received.body()).isEqualTo("{\"model\":\"m\"}");
    }

    @Test
    void answersAnythingElseWithAProblemAndStillRecordsIt() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(stub.baseUrl() + "/hooks/1"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(stub.requests()).extracting(StubServer.Request::path).containsExactly("/hooks/1");
    }
}
