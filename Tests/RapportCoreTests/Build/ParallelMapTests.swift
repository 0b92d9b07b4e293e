import Testing
@testable import RapportCore

@Suite struct ParallelMapTests {
    @Test(arguments: [(1, 2), (2, 2), (7, 2), (8, 2), (1_000, 2), (10_017, 2), (10_017, 8), (5, 64)])
    func chunksCoverEveryElementOnceAndShrink(count: Int, cores: Int) {
        let bounds = [Int].chunkBounds(count: count, cores: cores)
        #expect(bounds.first == 0 && bounds.last == count)
        let sizes = zip(bounds, bounds.dropFirst()).map { $1 - $0 }
        #expect(sizes.allSatisfy { $0 >= 1 })
        #expect(zip(sizes, sizes.dropFirst()).allSatisfy { $0 >= $1 }, "chunks never grow")
        #expect(sizes.last == 1, "the last element has a chunk of its own")
    }

    @Test func keepsTheOrder() {
        let numbers = Array(0..<10_017)
        #expect(numbers.parallelMap { $0 * 3 } == numbers.map { $0 * 3 })
    }
}
