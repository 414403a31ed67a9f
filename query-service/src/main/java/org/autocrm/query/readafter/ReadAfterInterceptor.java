package org.autocrm.query.readafter;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.autocrm.query.projection.Projection;
import org.autocrm.query.projection.ProjectionLag;
import org.autocrm.query.projection.Projections;
import org.autocrm.access.Caller;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Read-your-writes for every read: a request carrying {@value ReadAfter#HEADER}{@code : <ticketId>:<version>,...}
 * (or, reading one ticket, {@code ?minVersion=<version>}) is answered only once the projection serving the path has
 * applied those versions (on the customer list the ids are customers', the versions their writes returned), waiting
 * up to {@code autocrm.query.read-after.timeout}; otherwise 503 with Retry-After. A ticket that does not exist is
 * not waited for: 404 after {@code autocrm.query.read-after.unknown-after} ({@link ProjectionFreshness}). The wait is
 * bounded to the caller's tenant: another tenant's ticket is never "reached", it does not exist here.
 */
@Component
class ReadAfterInterceptor implements HandlerInterceptor {

    /** Reads of one ticket, where {@code minVersion} names that ticket's version. */
    static final Set<String> ONE_TICKET = Set.of("/api/tickets/{id}", "/api/tickets/{id}/messages");
    private static final long MAX_RETRY_AFTER = 30;

    private final Projections projections;
    private final ProjectionFreshness freshness;
    private final ProjectionLag lag;
    private final ReadAfterProperties properties;
    private final ObjectProvider<RequestMappingHandlerAdapter> handlerAdapter;
    private final AntPathMatcher paths = new AntPathMatcher();

    ReadAfterInterceptor(Projections projections, ProjectionFreshness freshness, ProjectionLag lag,
                         ReadAfterProperties properties, ObjectProvider<RequestMappingHandlerAdapter> handlerAdapter) {
        this.projections = projections;
        this.freshness = freshness;
        this.lag = lag;
        this.properties = properties;
        this.handlerAdapter = handlerAdapter;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (!HttpMethod.GET.matches(request.getMethod()) || !(handler instanceof HandlerMethod method)) {
            return true;
        }
        String header = request.getHeader(ReadAfter.HEADER);
        String minVersion = request.getParameter(ReadAfter.MIN_VERSION);
        if ((header == null || header.isBlank()) && minVersion == null) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String oneTicket = singleTicket(request);
        ReadAfter wanted = ReadAfter.of(header, oneTicket, minVersion);
        Optional<Projection> projection = serving(path);
        if (wanted.isEmpty() || projection.isEmpty()) {
            return true;
        }
        String tenantId = caller(method, request, response).map(Caller::tenantId).orElse(null);
        boolean searchable = oneTicket == null || !wanted.versions().keySet().equals(Set.of(oneTicket));
        Set<String> missing = freshness.await(projection.get(), tenantId, wanted.versions(), searchable,
                properties.timeout(), properties.unknownAfter());
        if (!missing.isEmpty()) {
            throw new ProjectionBehind(projection.get().name(), missing, retryAfter(projection.get()));
        }
        return true;
    }

    /**
     * The projection whose read path matches most specifically: {@code /api/customers/*}{@code /tickets} is the
     * tickets projection's although the customers projection answers {@code /api/customers/**}.
     */
    private Optional<Projection> serving(String path) {
        Comparator<String> specificFirst = paths.getPatternComparator(path);
        Projection best = null;
        String bestPattern = null;
        for (Projection projection : projections.all()) {
            for (String pattern : projection.readPaths()) {
                if (paths.match(pattern, path) && (bestPattern == null || specificFirst.compare(pattern, bestPattern) < 0)) {
                    best = projection;
                    bestPattern = pattern;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** The ticket id when the request reads one ticket ({@link #ONE_TICKET}). */
    private static String singleTicket(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (!(pattern instanceof String matched) || !ONE_TICKET.contains(matched)) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return variables == null ? null : variables.get("id");
    }

    /** The caller as the handler will see it, resolved by the same argument resolver (headers or token). */
    private Optional<Caller> caller(HandlerMethod method, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        for (MethodParameter parameter : method.getMethodParameters()) {
            if (parameter.getParameterType().equals(Caller.class)) {
                for (HandlerMethodArgumentResolver resolver : handlerAdapter.getObject().getArgumentResolvers()) {
                    if (resolver.supportsParameter(parameter)) {
                        return Optional.ofNullable((Caller) resolver.resolveArgument(parameter, null,
                                new ServletWebRequest(request, response), null));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Seconds until the projection is likely to have caught up: its lag, at least 1, at most 30. */
    private long retryAfter(Projection projection) {
        double seconds = lag.lag(projection.name()).filter(ProjectionLag.Lag::known).map(ProjectionLag.Lag::seconds)
                .orElse(1.0);
        return Math.max(1, Math.min(MAX_RETRY_AFTER, (long) Math.ceil(seconds)));
    }

}
