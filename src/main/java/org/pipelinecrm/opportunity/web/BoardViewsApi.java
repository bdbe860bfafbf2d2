package org.pipelinecrm.opportunity.web;

import jakarta.validation.Valid;
import java.util.List;
import org.pipelinecrm.opportunity.BoardViews;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own saved board views in the public API. */
@RestController
@RequestMapping("/api/v1/board/views")
class BoardViewsApi {

    private final BoardViews views;

    BoardViewsApi(BoardViews views) {
        this.views = views;
    }

    @GetMapping
    List<BoardViews.SavedView> mine() {
        return views.mine();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    BoardViews.SavedView save(@Valid @RequestBody BoardViews.SaveCmd cmd) {
        return views.save(cmd);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        views.delete(id);
    }
}
