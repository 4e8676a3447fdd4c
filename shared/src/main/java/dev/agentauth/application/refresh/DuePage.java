package dev.agentauth.application.refresh;

import java.util.List;
import java.util.Optional;

/** One page of due accounts of one shard, oldest due first, and where the next page starts. */
public record DuePage(List<DueAccount> accounts, Optional<String> next) {
    public DuePage {
        accounts = List.copyOf(accounts);
    }
}
