DROP TABLE "order";

