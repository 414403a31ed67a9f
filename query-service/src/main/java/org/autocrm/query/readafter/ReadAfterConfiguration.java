package org.autocrm.query.readafter;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts read-your-writes in front of every read of the API and answers a read that waited in vain (503) or that waits for
 * what does not exist (404).
 */
@Configuration
@RestControllerAdvice
class ReadAfterConfiguration implements WebMvcConfigurer {

    private final ReadAfterInterceptor interceptor;

    ReadAfterConfiguration(ReadAfterInterceptor interceptor) {
        this.interceptor = interceptor;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(interceptor).addPathPatterns("/api/**");
    }

    @ExceptionHandler(ProjectionBehind.class)
    ResponseEntity<ProblemDetail> behind(ProjectionBehind behind) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, behind.getMessage());
        problem.setTitle("Not caught up yet");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", Long.toString(behind.retryAfterSeconds())).body(problem);
    }

    @ExceptionHandler(UnknownSubjects.class)
    ResponseEntity<ProblemDetail> unknown(UnknownSubjects unknown) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, unknown.getMessage());
        problem.setTitle("Not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }
}
