package io.migration.worker.delivery;

import io.migration.worker.control.InFlightShards;
import io.migration.worker.pipeline.ModeRunners;
import io.migration.worker.resilience.FleetPace;
import io.migration.worker.source.ShardReader;

/**
 * What runs a granted shard: the runner of its mode, the source (is the company there?), the
 * fleet's pace and the in-flight shards the heartbeat reports.
 */
public record ShardWork(ModeRunners runners, ShardReader reader, FleetPace pace, InFlightShards inFlight) {}
