package org.pipelinecrm.webhook.web;

import jakarta.validation.Valid;
import java.util.List;
import org.pipelinecrm.webhook.DeliveryView;
import org.pipelinecrm.webhook.WebhookView;
import org.pipelinecrm.webhook.Webhooks;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/webhooks")
class WebhooksApi {

    private final Webhooks webhooks;

    WebhooksApi(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @GetMapping
    List<WebhookView> all() {
        return webhooks.all();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    WebhookView create(@Valid @RequestBody Webhooks.CreateCmd cmd) {
        return webhooks.create(cmd);
    }

    @GetMapping("/{id}")
    WebhookView get(@PathVariable long id) {
        return webhooks.get(id);
    }

    @PatchMapping("/{id}")
    WebhookView change(@PathVariable long id, @Valid @RequestBody Webhooks.ChangeCmd cmd) {
        return webhooks.change(id, cmd);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        webhooks.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/deliveries")
    List<DeliveryView> deliveries(@PathVariable long id) {
        return webhooks.deliveries(id);
    }

    @PostMapping("/{id}/deliveries/{deliveryId}/retry")
    DeliveryView retry(@PathVariable long id, @PathVariable long deliveryId) {
        return webhooks.retry(id, deliveryId);
    }

    @PostMapping("/{id}/test")
    DeliveryView sendTest(@PathVariable long id) {
        return webhooks.sendTest(id);
    }
}
