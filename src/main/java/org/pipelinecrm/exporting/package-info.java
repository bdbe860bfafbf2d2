/** Taking data out: lists as CSV or Excel files, the whole workspace zipped, and one person's data exported or erased. */
package org.pipelinecrm.exporting;
