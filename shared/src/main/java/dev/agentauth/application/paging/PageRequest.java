package dev.agentauth.application.paging;

import dev.agentauth.domain.BadRequestException;
import java.util.Optional;

/** A page of a list: {@code limit} 1–100 (default 50) and the opaque cursor of the previous page. */
public record PageRequest(int limit, Optional<String> cursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 100;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) throw new BadRequestException("limit must be between 1 and " + MAX_LIMIT);
        cursor = cursor == null ? Optional.empty() : cursor.filter(c -> !c.isBlank());
    }

    /** From query parameters as given; a non-numeric or out-of-range limit is a bad request. */
    public static PageRequest of(Optional<String> limit, Optional<String> cursor) {
        int parsed = DEFAULT_LIMIT;
        if (limit.isPresent()) {
            try {
                parsed = Integer.parseInt(limit.get().strip());
            } catch (NumberFormatException e) {
                throw new BadRequestException("limit must be a whole number between 1 and " + MAX_LIMIT);
            }
        }
        return new PageRequest(parsed, cursor);
    }

    public static PageRequest first(int limit) {
        return new PageRequest(limit, Optional.empty());
    }
}
