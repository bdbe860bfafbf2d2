package org.pipelinecrm.pipeline;

/**
 * What the pipeline module needs to know about the deals in a stage before the stage may go. Implemented by the
 * module that owns the deals, so that pipelines do not depend on opportunities.
 */
public interface StageDeals {

    /** How many deals (open or closed) sit in the stage. */
    long countIn(long stageId);

    /** Moves every deal of one stage into another of the same pipeline, recording the change on each deal. */
    int moveAll(StageView from, StageView to);

    /**
     * The stage's open deals whose owner did not choose a forecast category count in the stage's (new) default
     * from now on; returns how many changed.
     */
    int followCategory(StageView stage);
}
