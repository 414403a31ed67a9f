package org.autocrm.gateway.problem;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
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
 * A request whose line or headers Netty cannot decode never reaches the gateway's filters: 414 for a request line
 * over {@code server.netty.max-initial-line-length}, 431 for headers over {@code server.max-http-request-header-size},
 * 400 for anything else it cannot parse. This answers those itself, right behind the HTTP codec, with an RFC 9457
 * problem body like every other refusal of the gateway — reactor-netty would answer with an empty body, and on a
 * connection that has just served another request sometimes not at all. A body reactor-netty cannot decode later on
 * still gets reactor-netty's bare answer, which is given the problem body on its way out.
 *
 * <p>Such a connection is closed gently: the rest of the refused request may still be arriving, and a socket closed
 * with unread input resets the connection, which can destroy the answer before the client reads it. So the answer
 * is followed by the end of output, what the client still sends is read and dropped, and the connection is closed a
 * moment later ("lingering close").
 */
@Component
class DecodingFailureProblems implements NettyServerCustomizer {

    private static final String HANDLER = "autocrm.decodingFailureProblems";

    private final Answers answers;

    DecodingFailureProblems(ServerProperties server) {
        DataSize line = server.getNetty().getMaxInitialLineLength();
        DataSize headers = server.getMaxHttpRequestHeaderSize();
        this.answers = new Answers(Map.of(
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
            // right behind the codec: it sees what the codec decoded first, and what reactor-netty writes last
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null && channel.pipeline().get(HANDLER) == null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, HANDLER, answers);
            }
        });
    }

    private static String problem(int status, String title, String detail) {
        return "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail
                + "\"}";
    }

    /** Answers a request whose head could not be decoded, fills reactor-netty's bare answers, lingers before closing. */
    @ChannelHandler.Sharable
    static final class Answers extends ChannelDuplexHandler {

        /** Long enough for the rest of a request to arrive after its answer, short enough to hold few sockets. */
        static final Duration LINGER = Duration.ofSeconds(1);
        /** The connection answered a request it could not decode: what still arrives is dropped, its close lingers. */
        private static final AttributeKey<Boolean> REFUSED = AttributeKey.valueOf("autocrm.decodingFailureRefused");

        private final Map<Integer, String> bodies;

        Answers(Map<Integer, String> bodies) {
            this.bodies = bodies;
        }

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) throws Exception {
            Channel channel = context.channel();
            if (Boolean.TRUE.equals(channel.attr(REFUSED).get())) {
                ReferenceCountUtil.release(message);
                return;
            }
            if (message instanceof HttpRequest request && request.decoderResult().isFailure()) {
                channel.attr(REFUSED).set(Boolean.TRUE);
                int status = statusFor(request.decoderResult().cause());
                ReferenceCountUtil.release(message);
                FullHttpResponse answer = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                        HttpResponseStatus.valueOf(status), Unpooled.EMPTY_BUFFER);
                answer.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                context.writeAndFlush(withProblem(answer)).addListener(written -> linger(context, context.newPromise()));
                return;
            }
            super.channelRead(context, message);
        }

        @Override
        public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) throws Exception {
            if (message instanceof FullHttpResponse response && isBareDecodingFailure(response)) {
                context.channel().attr(REFUSED).set(Boolean.TRUE);
                super.write(context, withProblem(response), promise);
                return;
            }
            super.write(context, message, promise);
        }

        @Override
        public void close(ChannelHandlerContext context, ChannelPromise promise) throws Exception {
            if (Boolean.TRUE.equals(context.channel().attr(REFUSED).get())) {
                linger(context, promise);
                return;
            }
            super.close(context, promise);
        }

        /** Ends output after the answer, reads and drops the rest of the request, and closes after {@link #LINGER}. */
        private static void linger(ChannelHandlerContext context, ChannelPromise promise) {
            Channel channel = context.channel();
            if (!(channel instanceof DuplexChannel duplex) || !duplex.isActive()) {
                context.close(promise);
                return;
            }
            if (!duplex.isOutputShutdown()) {
                duplex.shutdownOutput();
                channel.config().setAutoRead(true);
            }
            context.executor().schedule(() -> {
                context.close(promise);
            }, LINGER.toMillis(), TimeUnit.MILLISECONDS);
        }

        private FullHttpResponse withProblem(FullHttpResponse response) {
            ByteBuf body = Unpooled.copiedBuffer(bodies.get(response.status().code()), StandardCharsets.UTF_8);
            FullHttpResponse withProblem = response.replace(body);
            response.release();
            withProblem.headers()
                    .set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
            return withProblem;
        }

        private static int statusFor(Throwable cause) {
            if (cause instanceof TooLongHttpLineException) {
                return 414;
            }
            if (cause instanceof TooLongHttpHeaderException) {
                return 431;
            }
            return 400;
        }

        /** As reactor-netty writes it: one of those statuses, no body, and the connection closed after it. */
        private boolean isBareDecodingFailure(FullHttpResponse response) {
            return bodies.containsKey(response.status().code())
                    && response.content().readableBytes() == 0
                    && response.headers().containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE, true)
                    && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE);
        }
    }
}
