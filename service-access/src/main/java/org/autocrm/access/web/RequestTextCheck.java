package org.autocrm.access.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.UriUtils;
import org.springframework.web.util.WebUtils;

/**
 * Refuses control characters ({@link ControlCharacters}) in what a request says outside its JSON
 * body, after decoding and before any controller runs: path variables (named), the rest of the
 * path, query parameters and form fields (names and values), and the file names of uploaded parts.
 * A refusal is a {@link RefusedText}, answered by {@link InputProblems}.
 */
class RequestTextCheck implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getDispatcherType() != DispatcherType.REQUEST) {
            return true; // an error or async dispatch of a request that was checked on its way in
        }
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            for (Map.Entry<?, ?> variable : variables.entrySet()) {
                checkValue(String.valueOf(variable.getKey()), String.valueOf(variable.getValue()));
            }
        }
        checkValue("path", decodedPath(request));
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            String name = parameter.getKey();
            int at = ControlCharacters.indexIn(name);
            if (at >= 0) {
                throw RefusedText.inName(name, name.charAt(at));
            }
            for (String value : parameter.getValue()) {
                checkValue(name, value);
            }
        }
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (multipart != null) {
            for (Map.Entry<String, List<MultipartFile>> part : multipart.getMultiFileMap().entrySet()) {
                for (MultipartFile file : part.getValue()) {
                    String fileName = file.getOriginalFilename();
                    int at = fileName == null ? -1 : ControlCharacters.indexIn(fileName);
                    if (at >= 0) {
                        throw RefusedText.inFileName(part.getKey(), fileName.charAt(at));
                    }
                }
            }
        }
        return true;
    }

    private static void checkValue(String field, String value) {
        int at = value == null ? -1 : ControlCharacters.indexIn(value);
        if (at >= 0) {
            throw RefusedText.inValue(field, value.charAt(at));
        }
    }

    private static String decodedPath(HttpServletRequest request) {
        try {
            return UriUtils.decode(request.getRequestURI(), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return null; // not for this check to judge: routing answers it
        }
    }
}
