-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "presentmentCurrency" TEXT,
ADD COLUMN     "presentmentTotal" TEXT;

