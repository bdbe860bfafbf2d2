package org.pipelinecrm.demo;

/**
 * A module's part of the demo workspace (its pipelines, leads, deals). Called in {@link #order()} as
 * the demo admin, inside the demo workspace, once, when the workspace is first created.
 */
public interface DemoContributor {

    int order();

    void populate(DemoWorkspace workspace);
}
