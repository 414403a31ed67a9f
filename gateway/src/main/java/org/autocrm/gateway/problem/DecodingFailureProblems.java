package org.autocrm.gateway.problem;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.util.AttributeKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * A request Netty cannot decode never reaches the gateway's filters: reactor-netty answers it itself, with an empty
 * body and {@code Connection: close} — 414 for a request line over {@code server.netty.max-initial-line-length}, 431
 * for headers over {@code server.max-http-request-header-size}, 400 for anything else it cannot parse. This gives
 * those answers an RFC 9457 problem body like every other refusal of the gateway, on their way out of the pipeline.
 * It also closes such a connection gently: the rest of the request the decoder gave up on is still arriving, and a
 * socket closed with unread input resets the connection, which can destroy the answer before the client reads it.
 * So the answer is followed by the end of output, what the client still sends is read and dropped, and the
 * connection is closed a moment later ("lingering close").
 */
@Component
class DecodingFailureProblems implements NettyServerCustomizer {

    private static final String HANDLER = "autocrm.decodingFailureProblems";

    private final ProblemBody problems;

    DecodingFailureProblems(ServerProperties server) {
        DataSize line = server.getNetty().getMaxInitialLineLength();
        DataSize headers = server.getMaxHttpRequestHeaderSize();
        this.problems = new ProblemBody(Map.of(
                400, problem(400, "Bad Request", "The request could not be read: its request line or headers are not "
                        + "valid HTTP."),
                414, problem(414, "URI Too Long", "The request line (method, path and query) is longer than the "
                        + line.toBytes() + " bytes this gateway reads; shorten the query."),
                431, problem(431, "Request Header Fields Too Large", "The request headers are larger than the "
                        + headers.toBytes() + " bytes this gateway reads.")));
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remoteAddress) -> {
            // between the codec and reactor-netty's traffic handler, which writes those answers towards the codec
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null && channel.pipeline().get(HANDLER) == null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, HANDLER, problems);
            }
        });
    }

    private static String problem(int status, String title, String detail) {
        return "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail
                + "\"}";
    }

    /**
     * Fills the empty body of a decoding failure's answer and lingers before closing its connection; every other
     * response and close passes untouched.
     */
    @ChannelHandler.Sharable
    static final class ProblemBody extends ChannelOutboundHandlerAdapter {

        /** Long enough for the rest of a request to arrive after its answer, short enough to hold few sockets. */
        static final Duration LINGER = Duration.ofSeconds(1);
        private static final AttributeKey<Boolean> ANSWERED_FAILURE = AttributeKey.valueOf("autocrm.decodingFailureAnswered");

        private final Map<Integer, String> bodies;

        ProblemBody(Map<Integer, String> bodies) {
            this.bodies = bodies;
        }

        @Override
        public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) throws Exception {
            if (message instanceof FullHttpResponse response && isDecodingFailure(response)) {
                ByteBuf body = Unpooled.copiedBuffer(bodies.get(response.status().code()), StandardCharsets.UTF_8);
                FullHttpResponse withProblem = response.replace(body);
                response.release();
                withProblem.headers()
                        .set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
                context.channel().attr(ANSWERED_FAILURE).set(Boolean.TRUE);
                super.write(context, withProblem, promise);
                return;
            }
            super.write(context, message, promise);
        }

        @Override
        public void close(ChannelHandlerContext context, ChannelPromise promise) throws Exception {
            Channel channel = context.channel();
            if (channel.attr(ANSWERED_FAILURE).getAndSet(null) == null || !(channel instanceof DuplexChannel duplex)
                    || !duplex.isActive() || duplex.isOutputShutdown()) {
                super.close(context, promise);
                return;
            }
            duplex.shutdownOutput();          // the client reads the answer to its end
            channel.config().setAutoRead(true); // the decoder drops what still arrives
            context.executor().schedule(() -> {
                context.close(promise);
            }, LINGER.toMillis(), TimeUnit.MILLISECONDS);
        }

        /** As reactor-netty writes it: one of those statuses, no body, and the connection closed after it. */
        private boolean isDecodingFailure(FullHttpResponse response) {
            return bodies.containsKey(response.status().code())
                    && response.content().readableBytes() == 0
                    && response.headers().containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE, true)
                    && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE);
        }
    }
}
