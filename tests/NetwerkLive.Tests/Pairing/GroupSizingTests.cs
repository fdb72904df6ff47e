using NetwerkLive.Server.Breakouts.Pairing;

namespace NetwerkLive.Tests.Pairing;

public sealed class GroupSizingTests
{
    [Theory]
    [InlineData(0, 2, new int[0])]
    [InlineData(1, 2, new int[0])]
    [InlineData(2, 2, new[] { 2 })]
    [InlineData(3, 2, new[] { 3 })]
    [InlineData(5, 2, new[] { 3, 2 })]
    [InlineData(8, 2, new[] { 2, 2, 2, 2 })]
    [InlineData(2, 3, new[] { 2 })]
    [InlineData(4, 3, new[] { 2, 2 })]
    [InlineData(7, 3, new[] { 3, 2, 2 })]
    [InlineData(3, 4, new[] { 3 })]
    [InlineData(5, 4, new[] { 3, 2 })]
    [InlineData(9, 4, new[] { 3, 3, 3 })]
    [InlineData(10, 4, new[] { 4, 3, 3 })]
    public void SizesAreAsEvenAsPossibleAndNeverOne(int count, int groupSize, int[] expected) =>
        Assert.Equal(expected, GroupSizing.Sizes(count, groupSize));

    [Fact]
    public void PairsWithAnOddCountHaveExactlyOneTriple()
    {
        for (var count = 3; count < 200; count += 2)
        {
            var sizes = GroupSizing.Sizes(count, 2);
            Assert.Equal(1, sizes.Count(size => size == 3));
            Assert.Equal(count, sizes.Sum());
        }
    }

    [Fact]
    public void EveryCountGetsGroupsBetweenTwoAndTheLargestSize()
    {
        for (var groupSize = 2; groupSize <= 4; groupSize++)
        {
            for (var count = 2; count < 200; count++)
            {
                var sizes = GroupSizing.Sizes(count, groupSize);
                Assert.Equal(count, sizes.Sum());
                Assert.All(sizes, size => Assert.InRange(size, 2, GroupSizing.MaxSize(groupSize)));
                Assert.InRange(sizes.Max() - sizes.Min(), 0, 1);
            }
        }
    }
}
