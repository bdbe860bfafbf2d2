package org.pipelinecrm;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;

@SpringBootApplication
@EnableAsync
public class PipelineCrmApplication {

    public static void main(String[] args) {
        SpringApplication.run(PipelineCrmApplication.class, args);
    }
}
