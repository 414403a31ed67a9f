package org.autocrm.access.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.DataInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

/**
 * How request bodies are read in every service: a JSON document and nothing after it, no control
 * character in any string or property name. Applied to the JSON converter Spring MVC reads
 * {@code @RequestBody} with, not to the service's {@code ObjectMapper}, so events, stored documents
 * and other services' answers read as before.
 */
final class StrictJson {

    private StrictJson() {
    }

    /** Spring MVC's Jackson converter, reading through {@link StrictParser}s. */
    static final class Converter extends MappingJackson2HttpMessageConverter {

        private final Map<JsonFactory, JsonFactory> strictFactories = new ConcurrentHashMap<>();

        Converter(MappingJackson2HttpMessageConverter original) {
            super(original.getObjectMapper());
            setSupportedMediaTypes(original.getSupportedMediaTypes());
        }

        @Override
        protected ObjectReader customizeReader(ObjectReader reader, JavaType javaType) {
            ObjectReader customized = super.customizeReader(reader, javaType);
            return customized.with(strictFactories.computeIfAbsent(customized.getFactory(), Factory::new))
                    .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        }
    }

    /** The service's JSON factory, its parsers wrapped in {@link StrictParser}. */
    static final class Factory extends JsonFactory {

        Factory(JsonFactory original) {
            super(original, original.getCodec());
        }

        @Override
        public JsonFactory copy() {
            return new Factory(this);
        }

        @Override
        protected JsonParser _createParser(InputStream in, IOContext ctxt) throws IOException {
            return new StrictParser(super._createParser(in, ctxt));
        }

        @Override
        protected JsonParser _createParser(Reader r, IOContext ctxt) throws IOException {
            return new StrictParser(super._createParser(r, ctxt));
        }

        @Override
        protected JsonParser _createParser(char[] data, int offset, int len, IOContext ctxt, boolean recyclable)
                throws IOException {
            return new StrictParser(super._createParser(data, offset, len, ctxt, recyclable));
        }

        @Override
        protected JsonParser _createParser(byte[] data, int offset, int len, IOContext ctxt) throws IOException {
            return new StrictParser(super._createParser(data, offset, len, ctxt));
        }

        @Override
        protected JsonParser _createParser(DataInput input, IOContext ctxt) throws IOException {
            return new StrictParser(super._createParser(input, ctxt));
        }
    }

    /**
     * Checks every property name and string value as it is read (whatever it is bound to: a record
     * field, a list element, a map key or value, a {@code JsonNode}, a skipped unknown property), and
     * refuses any token after the end of the document.
     */
    static final class StrictParser extends JsonParserDelegate {

        private boolean documentEnded;

        StrictParser(JsonParser parser) {
            super(parser);
        }

        @Override
        public JsonToken nextToken() throws IOException {
            if (documentEnded) {
                return afterDocument();
            }
            JsonToken token = delegate.nextToken();
            if (token == JsonToken.FIELD_NAME) {
                String name = delegate.currentName();
                int at = ControlCharacters.indexIn(name);
                if (at >= 0) {
                    throw new RefusedJsonText(this, RefusedText.inName(path(delegate.getParsingContext()),
                            name.charAt(at)));
                }
            } else if (token == JsonToken.VALUE_STRING) {
                char[] text = delegate.getTextCharacters();
                int offset = delegate.getTextOffset();
                int at = ControlCharacters.indexIn(text, offset, delegate.getTextLength());
                if (at >= 0) {
                    throw new RefusedJsonText(this, RefusedText.inValue(path(delegate.getParsingContext()),
                            text[offset + at]));
                }
            }
            if (token != null && delegate.getParsingContext().inRoot()) {
                documentEnded = true;
            }
            return token;
        }

        @Override
        public JsonToken nextValue() throws IOException {
            JsonToken token = nextToken();
            return token == JsonToken.FIELD_NAME ? nextToken() : token;
        }

        /** Skipped content (an ignored unknown property) is checked like the rest. */
        @Override
        public JsonParser skipChildren() throws IOException {
            JsonToken current = currentToken();
            if (current != JsonToken.START_OBJECT && current != JsonToken.START_ARRAY) {
                return this;
            }
            int open = 1;
            while (open > 0) {
                JsonToken token = nextToken();
                if (token == null) {
                    return this;
                }
                if (token.isStructStart()) {
                    open++;
                } else if (token.isStructEnd()) {
                    open--;
                }
            }
            return this;
        }

        private JsonToken afterDocument() throws IOException {
            JsonLocation where;
            try {
                JsonToken token = delegate.nextToken();
                if (token == null) {
                    return null;
                }
                where = delegate.currentTokenLocation();
            } catch (StreamReadException unreadable) {
                where = unreadable.getLocation();
            }
            throw new TrailingJson(this, where);
        }

        /** {@code name}, {@code emails[0]}, {@code fields.plan}, {@code items[2].title}; {@code body} for the document itself. */
        static String path(JsonStreamContext context) {
            Deque<JsonStreamContext> chain = new ArrayDeque<>();
            for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
                chain.push(at);
            }
            StringBuilder path = new StringBuilder();
            for (JsonStreamContext at : chain) {
                if (at.inArray()) {
                    path.append('[').append(Math.max(at.getCurrentIndex(), 0)).append(']');
                } else if (at.getCurrentName() != null) {
                    if (!path.isEmpty()) {
                        path.append('.');
                    }
                    path.append(at.getCurrentName());
                }
            }
            return path.isEmpty() ? "body" : path.toString();
        }
    }

    /** A string or property name in a JSON body held a control character. */
    static final class RefusedJsonText extends JsonParseException {

        private final transient RefusedText refusal;

        RefusedJsonText(JsonParser parser, RefusedText refusal) {
            super(parser, refusal.getMessage());
            this.refusal = refusal;
        }

        RefusedText refusal() {
            return refusal;
        }
    }

    /** Something followed the JSON document in a request body. */
    static final class TrailingJson extends JsonParseException {

        TrailingJson(JsonParser parser, JsonLocation where) {
            super(parser, "content after the end of the JSON document", where);
        }

        /** What a person reads: where the extra content starts. */
        String detail() {
            JsonLocation where = getLocation();
            String at = where == null || where.getLineNr() < 0 ? ""
                    : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
            return "The request body is not valid JSON: there is more content after the end of the JSON document"
                    + at + "; send exactly one JSON value";
        }
    }
}
