package pdf_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"cable/pdf"
)

// BenchmarkConvert converts reports of about 30 and 300 pages. With
// CABLE_PDF_OUT set to a directory, the reports are written there too,
// for timing "cable import" of them as a whole process.
func BenchmarkConvert(b *testing.B) {
	for _, chapters := range []int{15, 155} {
		data := newReport(chapters, 7).write(b)
		pages := bytes.Count(data, []byte("/Type /Page\n"))
		if dir := os.Getenv("CABLE_PDF_OUT"); dir != "" {
			os.WriteFile(filepath.Join(dir, fmt.Sprintf("report-%d.pdf", pages)), data, 0o644)
		}
		b.Run(fmt.Sprintf("%d pages", pages), func(b *testing.B) {
			for b.Loop() {
				if _, err := pdf.Convert("report.pdf", data, nil); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(pages), "pages")
		})
	}
}
