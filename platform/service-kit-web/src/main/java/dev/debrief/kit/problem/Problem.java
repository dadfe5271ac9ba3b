package dev.debrief.kit.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error response ({@code application/problem+json}).
 *
 * @param errors the failing fields of a request that did not validate, empty otherwise
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One failing field: its path in the request ({@code body.prompt}, {@code query.size}) and why. */
    public record FieldError(String field, String message) {
    }
}
