package org.autocrm.access.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.ListIterator;
import org.apache.catalina.Container;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * What every servlet service refuses at its edge, and how: control characters in text (JSON
 * strings and property names, parameters, path variables, file names), content after a JSON
 * document, unreadable multipart bodies, each a 400 problem naming what is wrong; and every error
 * answer, down to Tomcat's own and Spring Boot's {@code /error}, as {@code application/problem+json}.
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ObjectMapper.class, DispatcherServlet.class})
public class HostileInputAutoConfiguration {

    @Bean
    InputProblems inputProblems(ObjectProvider<ObjectMapper> json) {
        return new InputProblems(json.getIfAvailable(ObjectMapper::new));
    }

    @Bean
    WebMvcConfigurer hostileInputRefusedAtTheEdge() {
        return new WebMvcConfigurer() {
            @Override
            public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
                for (ListIterator<HttpMessageConverter<?>> it = converters.listIterator(); it.hasNext(); ) {
                    if (it.next() instanceof MappingJackson2HttpMessageConverter jackson
                            && jackson.getClass() == MappingJackson2HttpMessageConverter.class) {
                        it.set(new StrictJson.Converter(jackson));
                    }
                }
            }

            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new RequestTextCheck()).order(Ordered.HIGHEST_PRECEDENCE);
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean(ErrorController.class)
    ProblemErrorController problemErrorController(ObjectProvider<ObjectMapper> json) {
        return new ProblemErrorController(json.getIfAvailable(ObjectMapper::new));
    }

    /** Tomcat's own error pages as problems: replaces the Host's error report valve. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
    static class TomcatErrorReports {

        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReportValve() {
            return new ProblemErrorReports();
        }
    }

    /** After Spring Boot's customizer (which adds a plain {@link ErrorReportValve} to the Host), so it can replace it. */
    static class ProblemErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                Container host = context.getParent();
                if (host == null) {
                    return;
                }
                if (host instanceof StandardHost standardHost) {
                    standardHost.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
                Pipeline pipeline = host.getPipeline();
                boolean installed = false;
                for (Valve valve : pipeline.getValves()) {
                    if (valve instanceof ProblemErrorReportValve) {
                        installed = true;
                    } else if (valve instanceof ErrorReportValve) {
                        pipeline.removeValve(valve);
                    }
                }
                if (!installed) {
                    pipeline.addValve(new ProblemErrorReportValve());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    /** {@code /error} is not part of any service's API. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springdoc.core.utils.SpringDocUtils")
    static class ErrorControllerOutOfApiDocuments {
        static {
            org.springdoc.core.utils.SpringDocUtils.getConfig().addHiddenRestControllers(ProblemErrorController.class);
        }
    }
}
