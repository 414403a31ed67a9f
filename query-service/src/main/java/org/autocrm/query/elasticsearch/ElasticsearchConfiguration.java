package org.autocrm.query.elasticsearch;

import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring Boot builds the Elasticsearch client from {@code spring.elasticsearch.uris}; this only
 * makes it (de)serialise documents with the application's ObjectMapper, so times are ISO-8601.
 */
@Configuration
class ElasticsearchConfiguration {

    @Bean
    JsonpMapper jsonpMapper(ObjectMapper objectMapper) {
        return new JacksonJsonpMapper(objectMapper.copy());
    }
}
