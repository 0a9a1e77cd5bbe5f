package io.tuskdb;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class TuskDbApplication {
    public static void main(String[] args) {
        SpringApplication.run(TuskDbApplication.class, args);
    }
}
